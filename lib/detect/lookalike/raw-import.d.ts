/** A file imported as its text (`?raw`), as Vite and Vitest load it. */
declare module '*?raw' {
  const text: string;
  export default text;
}
