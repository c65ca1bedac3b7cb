/* The reading page's player (inlined by audiobook/writers/transcript.py): highlights and
   follows the element whose [data-start, data-end) milliseconds hold the playback time,
   plays from a sentence on click, Enter or Space, binds the keys the page lists, and keeps
   the position per edition in localStorage. Without it the page is the plain transcript. */
(function () {
  "use strict";
  var SKIP_MS = 10000;  // what back and forward move: the common podcast-player step
  var RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3];  // speeds offered, slowest first
  var RESUME_MIN_MS = 5000;  // nearer the start or the end there is nothing worth resuming
  var SAVE_EVERY_MS = 2000;  // storage writes while playing: often enough, and cheap
  var FOLLOW_PAUSE_MS = 5000;  // after the reader scrolls, leave the page alone this long
  var SCROLL_KEYS = ["PageDown", "PageUp", "ArrowDown", "ArrowUp", "Home", "End", " "];  // the reader scrolling
  var KEYS = {  // letters only, never with Ctrl, Alt or Cmd, never in a text field
    "K": "play-pause", "N": "next-sentence", "P": "previous-sentence",
    "Shift+N": "next-chapter", "Shift+P": "previous-chapter",
    "L": "forward", "J": "back", "F": "faster", "S": "slower"
  };

  var audio = document.querySelector(".player audio");
  if (!audio || !document.addEventListener || !window.requestAnimationFrame) { return; }
  var player = audio.parentNode;
  var status = player.querySelector(".status");
  var resume = player.querySelector(".resume");
  var resumeButton = resume.querySelector("button");
  var duration = Number(audio.getAttribute("data-duration"));
  var storeKey = "audiobook:position:" + audio.getAttribute("data-edition") + ":" + duration;
  var items = [].map.call(document.querySelectorAll(".t[data-start]"), function (el) {
    return { el: el, start: Number(el.getAttribute("data-start")), end: Number(el.getAttribute("data-end")) };
  }).sort(function (a, b) { return a.start - b.start; });
  var chapters = [].map.call(document.querySelectorAll("section[data-chapter-start]"), function (el) {
    var link = document.querySelector('nav a[href="#' + el.id + '"]');
    return { el: el, start: Number(el.getAttribute("data-chapter-start")), link: link,
             title: link ? link.textContent : "" };
  });
  var current = -1;
  var followPausedUntil = 0;
  var lastSaved = 0;
  var saved = load();
  var touched = false;
  var ticking = false;

  function clock(ms) {
    var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60);
    var ss = ("0" + s % 60).slice(-2);
    return h ? h + ":" + ("0" + m).slice(-2) + ":" + ss : m + ":" + ss;
  }
  function now() { return Math.round(audio.currentTime * 1000); }
  function say(text) { status.textContent = text; }

  function indexAt(ms) {
    var lo = 0, hi = items.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (items[mid].start <= ms) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found >= 0 && ms < items[found].end ? found : -1;
  }
  function chapterAt(ms) {
    var found = -1;
    for (var i = 0; i < chapters.length; i++) { if (chapters[i].start <= ms) { found = i; } }
    return found;
  }

  function topInset() {
    return getComputedStyle(player).position === "sticky" ? player.getBoundingClientRect().bottom : 0;
  }
  function follow(el) {
    if (Date.now() < followPausedUntil) { return; }
    var box = el.getBoundingClientRect();
    if (box.top < topInset() || box.bottom > window.innerHeight) {
      el.scrollIntoView({ block: "center" });
    }
  }
  function highlight(index, scroll) {
    if (index === current) { return; }
    if (current >= 0) {
      items[current].el.classList.remove("current");
      items[current].el.removeAttribute("aria-current");
    }
    current = index;
    if (index < 0) { return; }
    var el = items[index].el;
    el.classList.add("current");
    el.setAttribute("aria-current", "true");
    if (scroll) { follow(el); }
  }
  function update() { highlight(indexAt(now()), !audio.paused); }
  function tick() {
    update();
    ticking = !audio.paused;
    if (ticking) { window.requestAnimationFrame(tick); }
  }
  function pad() {
    var sticky = getComputedStyle(player).position === "sticky";
    document.documentElement.style.scrollPaddingTop = sticky ? player.offsetHeight + "px" : "";
  }

  function load() {
    try {
      var record = JSON.parse(window.localStorage.getItem(storeKey));
      return record && isFinite(record.position) ? record : null;
    } catch (e) { return null; }
  }
  function save(force) {
    if (!touched) { return; }
    var t = Date.now();
    if (!force && t - lastSaved < SAVE_EVERY_MS) { return; }
    lastSaved = t;
    try {
      window.localStorage.setItem(storeKey, JSON.stringify({ position: now(), rate: audio.playbackRate }));
    } catch (e) { /* storage refused (private mode, full): the page still plays */ }
  }

  function seek(ms) {
    touched = true;
    ms = Math.max(0, Math.min(ms, duration));
    audio.currentTime = ms / 1000;
    highlight(indexAt(ms), true);
    save(true);
  }
  function play() {
    var started = audio.play();
    if (started && started.catch) { started.catch(function () { say("Press play to start the audio."); }); }
  }
  function focusCurrent() {
    var active = document.activeElement;
    if (active && active.classList && active.classList.contains("s") && current >= 0 &&
        items[current].el.classList.contains("s")) {
      items[current].el.focus({ preventScroll: true });
    }
  }
  function step(direction) {
    var ms = now(), index = indexAt(ms), target = -1;
    if (index >= 0) {
      target = index + direction;
    } else {
      for (var i = 0; i < items.length; i++) { if (items[i].start > ms) { target = direction > 0 ? i : i - 1; break; } }
      if (i === items.length) { target = direction > 0 ? -1 : items.length - 1; }
    }
    if (target < 0 || target >= items.length) { return; }
    seek(items[target].start);
    focusCurrent();
  }
  function chapter(direction) {
    var target = chapterAt(now()) + direction;
    if (target < 0 || target >= chapters.length) { return; }
    seek(chapters[target].start);
    focusCurrent();
    say("Chapter " + (target + 1) + " of " + chapters.length + ": " + chapters[target].title);
  }
  function rate(direction) {
    var index = 0;
    for (var i = 0; i < RATES.length; i++) {
      if (Math.abs(RATES[i] - audio.playbackRate) < Math.abs(RATES[index] - audio.playbackRate)) { index = i; }
    }
    index = Math.max(0, Math.min(RATES.length - 1, index + direction));
    audio.playbackRate = audio.defaultPlaybackRate = RATES[index];
    touched = true;
    save(true);
    say("Speed " + RATES[index] + " times");
  }

  var actions = {
    "play-pause": function () { if (audio.paused) { play(); } else { audio.pause(); } },
    "next-sentence": function () { step(1); },
    "previous-sentence": function () { step(-1); },
    "next-chapter": function () { chapter(1); },
    "previous-chapter": function () { chapter(-1); },
    "forward": function () { seek(now() + SKIP_MS); say(clock(now())); },
    "back": function () { seek(now() - SKIP_MS); say(clock(now())); },
    "faster": function () { rate(1); },
    "slower": function () { rate(-1); },
    "resume": function () {
      seek(saved.position);
      resume.hidden = true;
      audio.focus();
      play();
    }
  };

  function editable(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function sentenceOf(el) { return el && el.closest ? el.closest(".s") : null; }
  function playFrom(el) {
    seek(Number(el.getAttribute("data-start")));
    play();
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || editable(event.target)) { return; }
    var sentence = sentenceOf(event.target);
    if (sentence && sentence === event.target && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      playFrom(sentence);
      return;
    }
    if (SCROLL_KEYS.indexOf(event.key) >= 0 && event.target !== audio) {
      followPausedUntil = Date.now() + FOLLOW_PAUSE_MS;
    }
    if (!event.key || event.key.length !== 1) { return; }
    var action = KEYS[(event.shiftKey ? "Shift+" : "") + event.key.toUpperCase()];
    if (action) {
      event.preventDefault();
      actions[action]();
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-action]");
    if (button) { actions[button.getAttribute("data-action")](); return; }
    var link = event.target.closest && event.target.closest("nav a[href^='#section-']");
    if (link) {
      chapters.forEach(function (c) { if (c.link === link) { seek(c.start); } });
      return;
    }
    var sentence = sentenceOf(event.target);
    if (sentence && !String(window.getSelection ? window.getSelection() : "")) { playFrom(sentence); }
  });

  ["wheel", "touchmove"].forEach(function (name) {
    window.addEventListener(name, function () { followPausedUntil = Date.now() + FOLLOW_PAUSE_MS; }, { passive: true });
  });
  audio.addEventListener("play", function () {
    touched = true;
    if (!resume.hidden && document.activeElement !== resumeButton) { resume.hidden = true; }
    if (!ticking) { ticking = true; window.requestAnimationFrame(tick); }
  });
  audio.addEventListener("timeupdate", function () { update(); save(false); });
  audio.addEventListener("seeked", function () { touched = true; update(); save(true); });
  audio.addEventListener("pause", function () { update(); save(true); });
  audio.addEventListener("ended", function () {
    try { window.localStorage.removeItem(storeKey); } catch (e) { /* nothing stored */ }
  });
  window.addEventListener("pagehide", function () { save(true); });
  window.addEventListener("resize", pad);

  [].forEach.call(document.querySelectorAll(".s"), function (el) {
    el.setAttribute("role", "button");
    el.setAttribute("tabindex", "0");
  });
  player.querySelector(".controls").hidden = false;
  document.querySelector(".keys").hidden = false;
  if (saved && saved.rate && RATES.indexOf(saved.rate) >= 0) {
    audio.playbackRate = audio.defaultPlaybackRate = saved.rate;
  }
  if (saved && saved.position >= RESUME_MIN_MS && saved.position < duration - RESUME_MIN_MS) {
    resumeButton.textContent = "Resume at " + clock(saved.position);
    resume.hidden = false;
  }
  pad();
  update();
}());
