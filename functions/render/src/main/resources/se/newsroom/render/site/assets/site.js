// Improves the comment form; the page works without it (each "Svara" link opens its own form by #fragment).
// With JavaScript, the one main form moves under the comment being answered, and "Avbryt" moves it back.
(function () {
  "use strict";
  var respond = document.getElementById("kommentera");
  if (!respond) { return; }
  var form = respond.querySelector("form");
  var cancel = document.getElementById("avbryt-svar");
  var home = document.createComment("kommentarsformulärets plats");
  respond.parentNode.insertBefore(home, respond);

  function reset() {
    home.parentNode.insertBefore(respond, home.nextSibling);
    form.elements.parentId.value = "";
    cancel.hidden = true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".reply-link") : null;
    if (link) {
      event.preventDefault();
      var comment = document.getElementById("kommentar-" + link.getAttribute("data-comment"));
      comment.querySelector(".comment-body").appendChild(respond);
      form.elements.parentId.value = link.getAttribute("data-comment");
      cancel.hidden = false;
      form.elements.author.focus();
    } else if (event.target === cancel) {
      event.preventDefault();
      reset();
      form.elements.author.focus();
    }
  });

  if (location.hash === "#tack") {
    var thanks = document.getElementById("tack");
    if (thanks) { thanks.focus(); }
  }
})();
