// The report's only script (the page's Content-Security-Policy admits no other):
// the legend's labels show or hide their highlights.
document.body.dataset.js = "on";
document.body.dataset.readyMs = Math.round(performance.now());  // parsed and laid out by now
for (const key of document.querySelectorAll(".legend button.key")) {
  key.addEventListener("click", () => {
    const label = key.dataset.label;
    key.classList.toggle("off");
    document.querySelector("#article .text").classList.toggle("hide-" + label);
  });
}
