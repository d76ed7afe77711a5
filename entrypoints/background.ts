export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined && typeof message === 'object' && message !== null) {
      void (browser.action ?? browser.browserAction).setBadgeText({ tabId, text: 'ok' });
    }
    return undefined;
  });
});
