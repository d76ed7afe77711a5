/** A file imported as its text (`?raw`), as Vite and Vitest load it. */
declare module '*?raw' {
  const text: string;
  export default text;
}

/** A character table packed by the build (`?pairs`, scripts/vite-packed-data.ts). */
declare module '*?pairs' {
  const text: string;
  export default text;
}
