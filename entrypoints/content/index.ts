import { watchPage } from './watch-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: false,
  main(ctx) {
    watchPage(ctx);
  },
});
