// HTMX requests carry the CSRF token from the page's meta tag.
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { event.detail.headers["X-CSRFToken"] = meta.content; }
});

// On a phone the side menu folds away behind the menu button in the header.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest(".menu-toggle");
  if (!button) { return; }
  var open = document.body.classList.toggle("nav-open");
  button.setAttribute("aria-expanded", open ? "true" : "false");
});
