/*
 * Chat widget of the Dutch loneliness assistant.
 *
 * Put one tag on a page:
 *   <script src="https://chat.example.nl/widget/widget.js"
 *           data-gateway="wss://chat.example.nl/ws"      (default: /ws on the host of this script)
 *           data-title="Praat met de assistent"
 *           data-color="#0b5563"                           (launcher, header and your own messages)
 *           data-exit-url="https://www.google.nl"          (where "Snel weg" goes)
 *           defer></script>
 *
 * A link to the page with "?chat=oefenen" (the volunteer console has one) opens the chat and asks for
 * practice mode, once: the parameter is then taken out of the address, so a reload does not ask again.
 *
 * Plain JavaScript, no framework, no build step, nothing from a CDN. Every message is put on the
 * page with textContent, never as HTML. The browser keeps only the visitor id and the "remember"
 * choice; the conversation itself comes back from the gateway after a reload.
 * The protocol is described in bot/web/protocol.py.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || window.__eenzaamheidChat) {
    return;
  }
  window.__eenzaamheidChat = true;

  var KEY_VISITOR = "eenzaamheid-chat.visitor";
  var KEY_REMEMBER = "eenzaamheid-chat.remember";
  var DEFAULT_COLOR = "#0b5563";
  var DEFAULT_EXIT = "https://www.google.nl";
  var DEFAULT_TITLE = "Praat met de assistent";
  var DEFAULT_MAX_CHARS = 1000;

  var scriptUrl = new URL(script.getAttribute("src"), document.baseURI);
  var config = {
    gateway: script.getAttribute("data-gateway") || defaultGateway(scriptUrl),
    title: script.getAttribute("data-title") || DEFAULT_TITLE,
    color: validColor(script.getAttribute("data-color")) || DEFAULT_COLOR,
    exitUrl: script.getAttribute("data-exit-url") || DEFAULT_EXIT
  };
  var PRACTICE_TEXT = "ik wil een gesprek oefenen";
  var practiceAsked = linkAsksPractice();

  // "?chat=oefenen" in the page's address: remove it, and say whether it was there.
  function linkAsksPractice() {
    try {
      var params = new URLSearchParams(window.location.search);
      if (params.get("chat") !== "oefenen") {
        return false;
      }
      params.delete("chat");
      var query = params.toString();
      window.history.replaceState(
        window.history.state,
        "",
        window.location.pathname + (query ? "?" + query : "") + window.location.hash
      );
      return true;
    } catch (e) {
      return false;
    }
  }

  function defaultGateway(url) {
    var ws = new URL("../ws", url);
    ws.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    return ws.href;
  }

  function validColor(value) {
    return value && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value.trim()) ? value.trim() : null;
  }

  // WCAG relative luminance; text on the accent colour is white or near-black, whichever reads better.
  function luminance(hex) {
    var h = hex.replace("#", "");
    if (h.length === 3) {
      h = h[0] + h[0] + h[1] + h[1] + h[2] + h[2];
    }
    var channels = [0, 2, 4].map(function (i) {
      var c = parseInt(h.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  function textOn(hex) {
    var l = luminance(hex);
    var white = 1.05 / (l + 0.05);
    var dark = (l + 0.05) / (luminance("#111111") + 0.05);
    return white >= dark ? "#ffffff" : "#111111";
  }

  // ---- storage: only the visitor id and the "remember" choice ------------------------------------

  function store(kind) {
    try {
      return kind === "local" ? window.localStorage : window.sessionStorage;
    } catch (e) {
      return null;
    }
  }

  function read(kind, key) {
    var s = store(kind);
    try {
      return s ? s.getItem(key) : null;
    } catch (e) {
      return null;
    }
  }

  function write(kind, key, value) {
    var s = store(kind);
    try {
      if (!s) {
        return;
      }
      if (value === null) {
        s.removeItem(key);
      } else {
        s.setItem(key, value);
      }
    } catch (e) {
      /* storage full or blocked: the chat still works for this page */
    }
  }

  function remembers() {
    return read("local", KEY_REMEMBER) === "1";
  }

  function storedVisitor() {
    return remembers() ? read("local", KEY_VISITOR) : read("session", KEY_VISITOR);
  }

  function keepVisitor(id) {
    if (remembers()) {
      write("local", KEY_VISITOR, id);
      write("session", KEY_VISITOR, null);
    } else {
      write("session", KEY_VISITOR, id);
    }
  }

  function setRemember(on) {
    var id = storedVisitor();
    if (on) {
      write("local", KEY_REMEMBER, "1");
    } else {
      write("local", KEY_REMEMBER, null);
      write("local", KEY_VISITOR, null);
    }
    if (id) {
      keepVisitor(id);
    }
  }

  function forgetEverything() {
    write("session", KEY_VISITOR, null);
    write("session", KEY_REMEMBER, null);
    write("local", KEY_VISITOR, null);
    write("local", KEY_REMEMBER, null);
  }

  // ---- building the DOM (never innerHTML) --------------------------------------------------------

  var uid = "ew" + Math.random().toString(36).slice(2, 8);

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === true) {
        node.setAttribute(name, "");
      } else if (value !== false && value !== null && value !== undefined) {
        node.setAttribute(name, String(value));
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function bubbleIcon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "ew-icon");
    var path = document.createElementNS(ns, "path");
    path.setAttribute(
      "d",
      "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"
    );
    svg.appendChild(path);
    return svg;
  }

  var ids = {
    panel: uid + "-panel",
    title: uid + "-title",
    intro: uid + "-intro",
    input: uid + "-input",
    hint: uid + "-hint",
    remember: uid + "-remember",
    rememberHint: uid + "-remember-hint"
  };

  var launcher = el(
    "button",
    {
      type: "button",
      class: "ew-launcher",
      "data-testid": "chat-launcher",
      "aria-expanded": "false",
      "aria-controls": ids.panel
    },
    [bubbleIcon(), el("span", {}, ["Chat met de assistent"])]
  );

  var title = el("h2", { id: ids.title, class: "ew-title" }, [config.title]);
  var intro = el("p", { id: ids.intro, class: "ew-intro" }, [
    "Je praat met een digitale assistent, niet met een mens."
  ]);
  var exitButton = el(
    "button",
    { type: "button", class: "ew-exit", "data-testid": "chat-quick-exit" },
    ["Snel weg"]
  );
  exitButton.appendChild(
    el("span", { class: "ew-sr-only" }, [": sluit de chat en ga meteen naar een andere website"])
  );
  var closeButton = el("button", { type: "button", class: "ew-close" }, [
    "Sluiten",
    el("span", { class: "ew-sr-only" }, [" (het gesprek blijft bewaard)"])
  ]);

  var link113 = el(
    "a",
    { href: "https://www.113.nl", target: "_blank", rel: "noopener noreferrer" },
    ["113.nl", el("span", { class: "ew-sr-only" }, [" (opent in een nieuw tabblad)"])]
  );
  var help = el("p", { class: "ew-help" }, [
    "Denk je aan zelfdoding? Bel 113 of gratis 0800-0113, of chat via ",
    link113,
    ". In direct gevaar? Bel 112."
  ]);

  var privacy = el("p", { class: "ew-privacy" }, [
    "Je hoeft niet te zeggen wie je bent. Schrijf liever geen naam, adres of telefoonnummer. " +
      "Het gesprek wordt op onze server bewaard, zodat je later verder kunt praten. " +
      "We geven het niet aan anderen."
  ]);
  var log = el(
    "div",
    {
      class: "ew-log",
      role: "log",
      "aria-live": "polite",
      "aria-label": "Gesprek",
      "data-testid": "chat-log",
      tabindex: "0"
    },
    [privacy]
  );
  var quick = el("div", { class: "ew-quick", role: "group", "aria-label": "Kies een antwoord" });
  var typing = el("div", { class: "ew-typing", role: "status" });
  var connection = el("p", { class: "ew-connection", role: "status" });

  var input = el("textarea", {
    id: ids.input,
    class: "ew-input",
    rows: "2",
    maxlength: String(DEFAULT_MAX_CHARS),
    "data-testid": "chat-input",
    "aria-describedby": ids.hint,
    autocomplete: "off",
    placeholder: "Typ je bericht"
  });
  var sendButton = el("button", { type: "submit", class: "ew-send", "data-testid": "chat-send" }, [
    "Verstuur"
  ]);
  var form = el("form", { class: "ew-form", novalidate: true }, [
    el("label", { for: ids.input, class: "ew-sr-only" }, ["Je bericht"]),
    el("div", { class: "ew-row" }, [input, sendButton]),
    el("p", { id: ids.hint, class: "ew-sr-only" }, ["Enter verstuurt. Shift + Enter is een nieuwe regel."])
  ]);

  var rememberBox = el("input", {
    type: "checkbox",
    id: ids.remember,
    class: "ew-remember-box",
    "aria-describedby": ids.rememberHint
  });
  var remember = el("div", { class: "ew-remember" }, [
    el("div", { class: "ew-row" }, [
      rememberBox,
      el("label", { for: ids.remember }, ["Onthoud dit gesprek op dit apparaat"])
    ]),
    el("p", { id: ids.rememberHint, class: "ew-hint" }, [
      "Doe dit alleen op je eigen apparaat. Staat het uit, dan is het gesprek hier weg als je " +
        "het tabblad sluit."
    ])
  ]);

  var panel = el(
    "section",
    {
      id: ids.panel,
      class: "ew-panel",
      role: "dialog",
      "aria-labelledby": ids.title,
      "aria-describedby": ids.intro,
      hidden: true
    },
    [
      el("div", { class: "ew-header" }, [
        el("div", { class: "ew-heading" }, [title, intro]),
        el("div", { class: "ew-actions" }, [exitButton, closeButton])
      ]),
      help,
      log,
      typing,
      connection,
      form,
      remember
    ]
  );

  var root = el("div", { class: "ew-root", hidden: true }, [launcher, panel]);
  root.style.setProperty("--ew-accent", config.color);
  root.style.setProperty("--ew-on-accent", textOn(config.color));

  // ---- messages ------------------------------------------------------------------------------------

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function addMessage(from, text) {
    var who = { visitor: "Jij", error: "Let op", volunteer: "Vrijwilliger" }[from] || "Assistent";
    var children = [];
    if (from === "volunteer") {
      // A person, not the assistant: a visible label, for everyone.
      children.push(el("span", { class: "ew-who" }, [who]));
    } else {
      children.push(el("span", { class: "ew-sr-only" }, [who + ": "]));
    }
    children.push(el("p", { class: "ew-text" }, [text]));
    var node = el(
      "div",
      { class: "ew-msg ew-msg-" + from, "data-testid": from === "volunteer" ? "chat-volunteer" : null },
      children
    );
    if (quick.parentNode === log) {
      log.insertBefore(node, quick);
    } else {
      log.appendChild(node);
    }
    scrollToEnd();
    return node;
  }

  // ---- cards: a picture the person can keep (network map, plan, practice score) -----------------
  // The SVG is shown through an <img> with a data: URL, so nothing in it can run; its text
  // alternative is visible under "Lees als tekst"; "Bewaren" saves it, "Printen" prints only the card.

  var CARD_KINDS = { network_map: true, plan: true, practice_score: true };
  var MAX_CARD_CHARS = 100000;

  function cardOf(custom) {
    var card = custom && typeof custom === "object" ? custom.card : null;
    if (!card || typeof card !== "object" || !CARD_KINDS.hasOwnProperty(card.kind)) {
      return null;
    }
    if (typeof card.svg !== "string" || card.svg.indexOf("<svg") !== 0 || card.svg.length > MAX_CARD_CHARS) {
      return null;
    }
    return card;
  }

  function cardFilename(name) {
    var cleaned = String(name || "").replace(/[^A-Za-z0-9._-]/g, "");
    return /^[A-Za-z0-9][A-Za-z0-9._-]*\.svg$/.test(cleaned) ? cleaned : "kaart.svg";
  }

  function cardLines(card) {
    return typeof card.text === "string"
      ? card.text.split("\n").filter(function (line) {
          return line.trim() !== "";
        })
      : [];
  }

  function printCard(url, title, lines) {
    var sheet = el("div", { class: "ew-print-sheet" }, [
      el("img", { src: url, alt: title }),
      el("ul", {}, lines.map(function (line) {
        return el("li", {}, [line]);
      }))
    ]);
    document.body.appendChild(sheet);
    document.documentElement.classList.add("ew-printing");
    var done = function () {
      document.documentElement.classList.remove("ew-printing");
      if (sheet.parentNode) {
        sheet.parentNode.removeChild(sheet);
      }
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    // The image is a data: URL, decoded before the print dialog takes its snapshot.
    var image = sheet.querySelector("img");
    var go = function () {
      window.print();
      window.setTimeout(done, 1000);
    };
    if (image.decode) {
      image.decode().then(go, go);
    } else {
      go();
    }
  }

  function addCard(card) {
    var title = typeof card.title === "string" && card.title ? card.title : "Kaart";
    var url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(card.svg);
    var lines = cardLines(card);
    var printButton = el("button", { type: "button", class: "ew-card-action" }, [
      "Printen",
      el("span", { class: "ew-sr-only" }, [": " + title])
    ]);
    printButton.addEventListener("click", function () {
      printCard(url, title, lines);
    });
    var node = el(
      "div",
      { class: "ew-msg ew-msg-assistant ew-card", "data-testid": "chat-card", "data-kind": card.kind },
      [
        el("span", { class: "ew-sr-only" }, ["Assistent: "]),
        el("p", { class: "ew-card-title" }, [title]),
        el("img", { class: "ew-card-image", src: url, alt: title }),
        el("details", { class: "ew-card-text" }, [
          el("summary", {}, ["Lees als tekst"]),
          el("ul", {}, lines.map(function (line) {
            return el("li", {}, [line]);
          }))
        ]),
        el("div", { class: "ew-card-actions" }, [
          el("a", { class: "ew-card-action", href: url, download: cardFilename(card.filename) }, [
            "Bewaren",
            el("span", { class: "ew-sr-only" }, [": " + title + " (als plaatje)"])
          ]),
          printButton
        ])
      ]
    );
    if (quick.parentNode === log) {
      log.insertBefore(node, quick);
    } else {
      log.appendChild(node);
    }
    scrollToEnd();
    return node;
  }

  function clearQuickReplies() {
    while (quick.firstChild) {
      quick.removeChild(quick.firstChild);
    }
    if (quick.parentNode) {
      quick.parentNode.removeChild(quick);
    }
  }

  function showQuickReplies(buttons) {
    clearQuickReplies();
    buttons.forEach(function (button) {
      var node = el("button", { type: "button", class: "ew-reply" }, [button.title]);
      node.addEventListener("click", function () {
        sendFrame({ type: "button", title: button.title, payload: button.payload }, {
          echo: button.title,
          fromInput: false
        });
      });
      quick.appendChild(node);
    });
    log.appendChild(quick);
    scrollToEnd();
  }

  function setQuickRepliesEnabled(enabled) {
    Array.prototype.forEach.call(quick.querySelectorAll("button"), function (b) {
      b.disabled = !enabled;
    });
  }

  function renderHistory(messages) {
    log.setAttribute("aria-busy", "true");
    clearQuickReplies();
    while (log.lastChild && log.lastChild !== privacy) {
      log.removeChild(log.lastChild);
    }
    var lastButtons = [];
    messages.forEach(function (message) {
      if (typeof message.text === "string" && message.text) {
        addMessage(
          message.from === "visitor" || message.from === "volunteer" ? message.from : "assistant",
          message.text
        );
      }
      var card = message.from === "assistant" ? cardOf(message.custom) : null;
      if (card) {
        addCard(card);
      }
      if (message.from === "visitor") {
        lastButtons = [];
      } else if (Array.isArray(message.buttons) && message.buttons.length) {
        lastButtons = message.buttons;
      }
    });
    if (lastButtons.length) {
      showQuickReplies(lastButtons);
    }
    log.setAttribute("aria-busy", "false");
    scrollToEnd();
  }

  // ---- connection ----------------------------------------------------------------------------------

  var socket = null;
  var connected = false;
  var leaving = false;
  var retryDelay = 1000;
  var retryTimer = null;
  var awaitingAck = []; // frames sent, waiting for "typing" (accepted) or an error (refused)
  var outstanding = 0; // accepted messages whose "done" has not come yet
  var lastRefusal = null; // the text of the last refused socket, shown once until a socket is accepted

  function setConnection(text) {
    connection.textContent = text;
  }

  var handover = null; // "waiting" or "active" while a volunteer is sought or talking
  var volunteerTyping = false;
  var typingSent = false;
  var typingTimer = null;

  function setTyping(on) {
    var who = null;
    if (volunteerTyping) {
      who = "De vrijwilliger typt…";
    } else if (on && !handover) {
      who = "De assistent schrijft een antwoord…";
    }
    while (typing.firstChild) {
      typing.removeChild(typing.firstChild);
    }
    if (who) {
      typing.appendChild(
        el("span", { class: "ew-dots", "aria-hidden": "true" }, [el("span"), el("span"), el("span")])
      );
      typing.appendChild(el("span", {}, [who]));
    }
  }

  function setHandover(state) {
    handover = state === "waiting" || state === "active" ? state : null;
    volunteerTyping = false;
    intro.textContent =
      handover === "active"
        ? "Je praat nu met een vrijwilliger: een mens."
        : handover === "waiting"
          ? "Er wordt een vrijwilliger voor je gezocht."
          : "Je praat met een digitale assistent, niet met een mens.";
    setTyping(outstanding > 0);
  }

  function stopVisitorTyping() {
    if (typingSent && socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: "typing", typing: false }));
    }
    typingSent = false;
  }

  function connect() {
    if (socket || leaving) {
      return;
    }
    if (!connection.textContent) {
      setConnection("Verbinden…");
    }
    try {
      socket = new WebSocket(config.gateway);
    } catch (e) {
      socket = null;
      scheduleReconnect();
      return;
    }
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: "hello", visitor: storedVisitor() }));
    };
    socket.onmessage = function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      handleFrame(frame);
    };
    socket.onclose = function () {
      socket = null;
      connected = false;
      awaitingAck = [];
      outstanding = 0;
      setTyping(false);
      setQuickRepliesEnabled(true);
      if (!leaving) {
        setConnection("De verbinding is even weg. Ik probeer het opnieuw…");
        scheduleReconnect();
      }
    };
  }

  function scheduleReconnect() {
    if (retryTimer || leaving) {
      return;
    }
    retryTimer = window.setTimeout(function () {
      retryTimer = null;
      connect();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 15000);
  }

  function handleFrame(frame) {
    switch (frame.type) {
      case "welcome":
        connected = true;
        lastRefusal = null;
        setHandover(null);
        retryDelay = 1000;
        setConnection("");
        if (typeof frame.visitor === "string") {
          keepVisitor(frame.visitor);
        }
        if (typeof frame.max_chars === "number" && frame.max_chars > 0) {
          input.setAttribute("maxlength", String(frame.max_chars));
        }
        break;
      case "history":
        renderHistory(Array.isArray(frame.messages) ? frame.messages : []);
        if (practiceAsked) {
          practiceAsked = false;
          sendFrame({ type: "message", text: PRACTICE_TEXT }, { echo: PRACTICE_TEXT, fromInput: false });
        }
        break;
      case "typing":
        accepted(awaitingAck.shift());
        outstanding += 1;
        setTyping(true);
        break;
      case "bot":
        if (typeof frame.text === "string" && frame.text) {
          addMessage("assistant", frame.text);
        }
        if (Array.isArray(frame.buttons) && frame.buttons.length) {
          showQuickReplies(frame.buttons);
        }
        if (frame.custom !== null && frame.custom !== undefined) {
          if (cardOf(frame.custom)) {
            addCard(cardOf(frame.custom));
          }
          window.dispatchEvent(new CustomEvent("eenzaamheid-chat:custom", { detail: frame.custom }));
        }
        break;
      case "handover":
        setHandover(frame.state);
        break;
      case "volunteer":
        volunteerTyping = false;
        setTyping(outstanding > 0);
        if (typeof frame.text === "string" && frame.text) {
          addMessage("volunteer", frame.text);
        }
        break;
      case "volunteer_typing":
        volunteerTyping = frame.typing === true;
        setTyping(outstanding > 0);
        break;
      case "done":
        outstanding = Math.max(0, outstanding - 1);
        setTyping(outstanding > 0);
        break;
      case "error":
        if (frame.code === "too_many_chats" || frame.code === "busy") {
          // The socket is refused and closes; the typed text stays, a new try follows in a minute.
          retryDelay = 60000;
          if (lastRefusal === frame.text) {
            break;
          }
          lastRefusal = frame.text;
        } else if (frame.code !== "unavailable") {
          awaitingAck.shift(); // refused: the text stays in the input, the buttons stay
          setQuickRepliesEnabled(true);
        }
        addMessage("error", String(frame.text || "Er ging iets mis."));
        break;
      default:
        break;
    }
  }

  function accepted(pending) {
    if (!pending) {
      return;
    }
    clearQuickReplies();
    addMessage("visitor", pending.echo);
    if (pending.fromInput && input.value.trim() === pending.echo) {
      input.value = "";
    }
  }

  function sendFrame(frame, pending) {
    if (!connected || !socket || socket.readyState !== WebSocket.OPEN) {
      setConnection(
        "Er is even geen verbinding. Je bericht is nog niet verstuurd. Je tekst blijft staan; " +
          "probeer het zo nog eens."
      );
      if (!retryTimer) {
        connect();
      }
      return;
    }
    if (!pending.fromInput) {
      setQuickRepliesEnabled(false);
      input.focus();
    }
    awaitingAck.push(pending);
    socket.send(JSON.stringify(frame));
  }

  function sendTyped() {
    var text = input.value.trim();
    if (!text || awaitingAck.length) {
      return;
    }
    window.clearTimeout(typingTimer);
    typingSent = false;
    sendFrame({ type: "message", text: text }, { echo: text, fromInput: true });
  }

  // ---- open, close, leave --------------------------------------------------------------------------

  function openPanel() {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    connect();
    scrollToEnd();
    input.focus();
  }

  function closePanel() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  function quickExit() {
    leaving = true;
    forgetEverything();
    if (retryTimer) {
      window.clearTimeout(retryTimer);
    }
    if (socket) {
      socket.onclose = null;
      socket.close();
      socket = null;
    }
    root.remove();
    document.title = "";
    if (document.body) {
      document.body.textContent = "";
    }
    window.location.replace(config.exitUrl);
  }

  launcher.addEventListener("click", openPanel);
  closeButton.addEventListener("click", closePanel);
  exitButton.addEventListener("click", quickExit);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      closePanel();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    sendTyped();
  });
  input.addEventListener("input", function () {
    if (handover !== "active" || !connected || !socket || socket.readyState !== WebSocket.OPEN) {
      return;
    }
    if (!typingSent) {
      socket.send(JSON.stringify({ type: "typing", typing: true }));
      typingSent = true;
    }
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(stopVisitorTyping, 3000);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendTyped();
    }
  });
  rememberBox.checked = remembers();
  rememberBox.addEventListener("change", function () {
    setRemember(rememberBox.checked);
  });

  // ---- mount ---------------------------------------------------------------------------------------

  function mount() {
    var css = el("link", { rel: "stylesheet", href: new URL("widget.css", scriptUrl).href });
    css.addEventListener("load", function () {
      root.hidden = false;
    });
    css.addEventListener("error", function () {
      root.hidden = false;
    });
    document.head.appendChild(css);
    document.body.appendChild(root);
    if (practiceAsked) {
      openPanel();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
