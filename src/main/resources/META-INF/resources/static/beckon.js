// The console's small behaviours: the rule editor's line numbers, jumping to a line named in an error, the
// heights of chart bars, and the notice of an expired form sent by htmx.
(function () {
  'use strict';

  function lineHeight(textarea) {
    return parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  }

  /** Numbers the gutter beside a textarea, one number a line, and marks the lines that have errors. */
  function renumber(textarea) {
    var gutter = textarea.parentElement.querySelector('.gutter');
    if (!gutter) {
      return;
    }
    var count = textarea.value.split('\n').length;
    var marked = {};
    document.querySelectorAll('#check-result [data-line]').forEach(function (link) {
      marked[link.getAttribute('data-line')] = true;
    });
    var fragment = document.createDocumentFragment();
    for (var n = 1; n <= count; n++) {
      var number = document.createElement('span');
      number.textContent = String(n);
      if (marked[n]) {
        number.className = 'marked';
      }
      fragment.appendChild(number);
      fragment.appendChild(document.createTextNode('\n'));
    }
    gutter.replaceChildren(fragment);
    gutter.scrollTop = textarea.scrollTop;
  }

  /** Selects line {@code n} of the textarea and scrolls it into view, so typing replaces that line. */
  function selectLine(textarea, n) {
    var lines = textarea.value.split('\n');
    var line = Math.max(1, Math.min(n, lines.length));
    var start = 0;
    for (var i = 0; i < line - 1; i++) {
      start += lines[i].length + 1;
    }
    textarea.focus();
    textarea.setSelectionRange(start, start + lines[line - 1].length);
    textarea.scrollTop = Math.max(0, (line - 1) * lineHeight(textarea) - textarea.clientHeight / 3);
    renumber(textarea);
  }

  /**
   * Sizes the bars of a bar chart from their data-height (a percentage). Set here rather than in a
   * style attribute, which the Content-Security-Policy refuses.
   */
  function sizeBars(root) {
    root.querySelectorAll('.bar[data-height]').forEach(function (bar) {
      bar.style.height = bar.getAttribute('data-height') + '%';
    });
  }

  function editors() {
    return document.querySelectorAll('textarea[data-gutter]');
  }

  document.addEventListener('DOMContentLoaded', function () {
    sizeBars(document);
    editors().forEach(function (textarea) {
      renumber(textarea);
      textarea.addEventListener('input', function () { renumber(textarea); });
      textarea.addEventListener('scroll', function () {
        textarea.parentElement.querySelector('.gutter').scrollTop = textarea.scrollTop;
      });
    });
  });

  document.addEventListener('click', function (event) {
    var link = event.target.closest('[data-line]');
    var textarea = document.querySelector('textarea[data-gutter]');
    if (link && textarea) {
      event.preventDefault();
      selectLine(textarea, parseInt(link.getAttribute('data-line'), 10));
    }
  });

  // A request refused for its CSRF token answers "form expired" (400), which htmx would not show: show its
  // notice where the result would have gone. The form, and what was typed into it, stay as they are.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 400 && xhr.getResponseHeader('Beckon-Form-Expired')) {
      var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var notice = page.querySelector('[aria-label="Form expired"]');
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      event.detail.serverResponse = notice ? notice.outerHTML : '';
    }
  });

  // A check's result names the lines with errors: mark them in the gutter.
  document.addEventListener('htmx:afterSwap', function (event) {
    sizeBars(event.target);
    editors().forEach(renumber);
    loadEmailPreview(event.target);
  });

  // An email preview's HTML body loads in its frame from a page of its own, which may use the inline
  // styles emails are made of (the console's own policy forbids them): post the draft into the frame.
  function loadEmailPreview(root) {
    var frame = root.querySelector && root.querySelector('iframe[name="message-preview"]');
    var button = document.querySelector('button[data-email-preview]');
    if (frame && button && button.form) {
      button.form.requestSubmit(button);
    }
  }
})();
