export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    void browser.runtime.sendMessage({ type: 'page/context', data: { url: location.href } });
  },
});
