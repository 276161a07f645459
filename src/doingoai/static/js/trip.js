// The activity form: the agreement review is offered only on a review meeting (the
// trip's own kind and each event row's kind).
(function () {
  "use strict";
  function toggle(kindSelect, boxes) {
    var show = kindSelect.value === "review_meeting";
    boxes.forEach(function (box) {
      if (box) box.hidden = !show;
    });
  }
  function wire(kindSelect, boxes) {
    if (!kindSelect) return;
    toggle(kindSelect, boxes);
    kindSelect.addEventListener("change", function () {
      toggle(kindSelect, boxes);
    });
  }
  function init() {
    var review = document.getElementById("field-review");
    wire(document.getElementById("id_kind"), [review, document.getElementById("field-move_review_date")]);
    document.querySelectorAll("#inline-events .inline-row").forEach(function (row) {
      wire(row.querySelector("[data-field=kind] select"), [
        row.querySelector("[data-field=review]"),
        row.querySelector("[data-field=move_review_date]"),
      ]);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
