// The one tag a website adds to get the chat:
//   <script src="https://HUB/widget.js" data-widget-id="demo" async></script>
// This classic script stays tiny: it finds the hub from its own src and loads the widget's modules from there.
(() => {
  const script = document.currentScript;
  const widgetId = script && script.dataset.widgetId;
  if (!widgetId) {
    console.error('Switchboard: the widget script needs a data-widget-id attribute');
    return;
  }
  const hubUrl = new URL(script.src).origin;
  import(`${hubUrl}/widget/widget-app.js`)
    .then((app) => app.startWidget({ hubUrl, widgetId }))
    .catch((error) => console.error('Switchboard: the chat widget could not start', error));
})();
