export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    document.documentElement.dataset.qorganProbe = '1';
  },
});
