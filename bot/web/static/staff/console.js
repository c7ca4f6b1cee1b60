/*
 * Volunteer console: the waiting queue, accepting a person, the live chat, ending with a note.
 * The queue shows only how long someone waits and whether it may be urgent (acute first); the summary
 * and the conversation so far come only to the volunteer who accepts.
 * Everything is rendered with textContent (never as HTML). The CSRF token comes from the page.
 */
(function () {
  "use strict";

  var root = document.getElementById("console");
  if (!root) {
    return;
  }
  var csrf = root.getAttribute("data-csrf") || "";
  var queue = document.getElementById("queue");
  var chat = document.getElementById("chat");
  var summary = document.getElementById("summary");
  var transcript = document.getElementById("transcript");
  var log = document.getElementById("log");
  var typingLine = document.getElementById("typing");
  var status = document.getElementById("status");
  var message = document.getElementById("message");
  var note = document.getElementById("note");
  var socket = null;
  var typingSent = false;
  var typingTimer = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
    }
  }

  function minutes(seconds) {
    if (seconds < 60) {
      return seconds + " seconden";
    }
    var m = Math.floor(seconds / 60);
    return m + (m === 1 ? " minuut" : " minuten");
  }

  function summaryList(lines) {
    if (!lines.length) {
      return el("p", {}, ["Geen samenvatting: de persoon wilde niets laten zien."]);
    }
    return el(
      "dl",
      {},
      lines.reduce(function (nodes, line) {
        return nodes.concat([el("dt", {}, [line[0]]), el("dd", {}, [line[1]])]);
      }, [])
    );
  }

  function renderQueue(items) {
    clear(queue);
    if (!items.length) {
      queue.appendChild(el("li", { class: "item item-empty" }, ["Er wacht niemand."]));
      return;
    }
    items.forEach(function (item) {
      var button = el("button", { type: "button", "data-testid": "console-accept" }, [
        "Dit gesprek aannemen"
      ]);
      button.addEventListener("click", function () {
        button.disabled = true;
        send({ type: "accept", id: item.id });
      });
      var parts = [el("p", { class: "queue-when" }, ["Wacht " + minutes(item.waiting_seconds)])];
      if (item.acute_risk) {
        parts.unshift(el("p", { class: "alert" }, ["Dringend: er was acuut risico (113 is genoemd)."]));
      }
      parts.push(button);
      queue.appendChild(el("li", { class: item.acute_risk ? "item item-alert" : "item" }, parts));
    });
  }

  function addLine(who, text) {
    log.appendChild(el("p", { class: "msg msg-" + who }, [el("strong", {}, [label(who) + ": "]), text]));
    log.scrollTop = log.scrollHeight;
  }

  function label(who) {
    return { visitor: "Bezoeker", volunteer: "Jij", assistant: "Assistent" }[who] || who;
  }

  function accepted(frame) {
    chat.hidden = false;
    clear(summary);
    clear(transcript);
    clear(log);
    if (frame.acute_risk) {
      summary.appendChild(
        el("p", { class: "alert" }, ["Let op: in dit gesprek was acuut risico. 113 is al genoemd."])
      );
    }
    summary.appendChild(el("h3", {}, ["Samenvatting"]));
    summary.appendChild(summaryList(frame.summary || []));
    if (frame.transcript && frame.transcript.length) {
      transcript.appendChild(el("h3", {}, ["Gesprek tot nu toe"]));
      frame.transcript.forEach(function (m) {
        if (m.text) {
          transcript.appendChild(
            el("p", { class: "msg msg-" + m.from }, [el("strong", {}, [label(m.from) + ": "]), m.text])
          );
        }
      });
    }
    status.textContent = "Je bent nu in gesprek. De bezoeker ziet je berichten als 'Vrijwilliger'.";
    message.focus();
  }

  function handle(frame) {
    switch (frame.type) {
      case "queue":
        renderQueue(frame.items || []);
        break;
      case "accepted":
        accepted(frame);
        break;
      case "taken":
        status.textContent = "Een andere vrijwilliger heeft dit gesprek al aangenomen.";
        break;
      case "visitor":
        typingLine.textContent = "";
        addLine("visitor", String(frame.text || ""));
        if (frame.acute_risk) {
          log.appendChild(
            el("p", { class: "alert", role: "alert" }, [
              "Let op: dit bericht kan acuut risico betekenen. De bezoeker kreeg 113, 0800-0113 en 112 te zien. " +
                "Vraag door, blijf bij de bezoeker en schakel bij direct gevaar 112 in.",
            ])
          );
        }
        break;
      case "visitor_typing":
        typingLine.textContent = frame.typing ? "De bezoeker typt…" : "";
        break;
      case "ended":
        chat.hidden = true;
        note.value = "";
        status.textContent = "Het gesprek is afgesloten. De digitale assistent neemt het weer over.";
        break;
      case "error":
        status.textContent = String(frame.text || "Er ging iets mis.");
        break;
      default:
        break;
    }
  }

  function stopTyping() {
    if (typingSent) {
      send({ type: "typing", typing: false });
      typingSent = false;
    }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + "/console/ws");
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: "hello", csrf: csrf }));
      status.textContent = "Verbonden. Je staat online voor bezoekers.";
    };
    socket.onmessage = function (event) {
      try {
        handle(JSON.parse(event.data));
      } catch (e) {
        /* ignore a frame that is not JSON */
      }
    };
    socket.onclose = function (event) {
      // The gateway gives a Dutch reason when the login session is over (logged out, idle, expired).
      status.textContent = event.reason || "De verbinding is weg. Laad de pagina opnieuw.";
    };
  }

  document.getElementById("send-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = message.value.trim();
    if (!text) {
      return;
    }
    send({ type: "message", text: text });
    addLine("volunteer", text);
    message.value = "";
    stopTyping();
  });
  message.addEventListener("input", function () {
    if (!typingSent) {
      send({ type: "typing", typing: true });
      typingSent = true;
    }
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(stopTyping, 3000);
  });
  message.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      document.getElementById("send-form").requestSubmit();
    }
  });
  document.getElementById("end-form").addEventListener("submit", function (event) {
    event.preventDefault();
    send({ type: "end", note: note.value.trim() });
  });

  connect();
})();
