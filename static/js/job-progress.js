// The progress bar of a background job (templates/jobs/job_detail.html): asks the job's state
// every second or two and moves the bar; when the job is over, loads the page again to show
// the result. Without JavaScript the page refreshes itself (a <noscript> meta refresh).
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) return;
  var url = box.getAttribute("data-status-url");
  var state = box.getAttribute("data-state");
  var bar = box.querySelector("[data-job-bar]");
  var text = box.querySelector("[data-job-text]");
  var label = box.querySelector("[data-job-state]");
  var delay = 1000;

  function show(status) {
    if (label) label.textContent = status.state_label;
    if (text) text.textContent = status.text;
    if (bar && status.total) {
      bar.max = status.total;
      bar.value = status.done;
      bar.textContent = status.percent + "%";
    }
  }

  function ask() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (status) {
        show(status);
        if (status.state === "done" || status.state === "failed") {
          window.location.reload();
          return;
        }
        state = status.state;
        delay = 1000;
        window.setTimeout(ask, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 15000); // a slow or lost connection: ask less often
        window.setTimeout(ask, delay);
      });
  }

  if (state !== "done" && state !== "failed") window.setTimeout(ask, delay);
})();
