// Home exercise plans: the builder a clinician fills in (/plan/) and the view a patient opens
// (/plan/view/#...). The plan lives only in the link's fragment (after "#"), which browsers
// never send to a server or put in a referrer; nothing is written to cookies or storage.
// The link's format is described in engine/plan.py. Both pages hold every exercise, written by
// the build from data/exercises.yml; this file only picks, orders and numbers them.
// No template literals (backquotes): the build's minifier (rjsmin) does not know them, and the
// build refuses a script that has one.

const planLink = (() => {
  const VERSION = "1";
  const ITEM = /^([a-z0-9]{2,3})\.(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/;
  const PRINT = "print"; // after the check: print the plan once it shows (the builder's Print)

  // FNV-1a over the UTF-8 bytes, as 4 base-36 characters: enough to tell a link cut short.
  const check = (text) => {
    let hash = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    }
    return (hash % 36 ** 4).toString(36).padStart(4, "0");
  };
  const encodeNote = (note) => encodeURIComponent(note).replace(/%20/g, "+");
  const decodeNote = (text) => decodeURIComponent(text.replace(/\+/g, " "));

  const write = (items, note) => {
    const exercises = items
      .map(({ code, amount, sets, hold, times }) => [code, amount, sets, hold, times].join("."))
      .join(",");
    const body = [VERSION, exercises, encodeNote(note.trim())].join("/");
    return body + "/" + check(body);
  };

  // What a fragment holds, and what is wrong with it: never throws, so a damaged link still
  // shows whatever part of it is sound.
  const read = (fragment) => {
    const parts = fragment.replace(/^#/, "").split("/");
    const result = { items: [], note: "", problems: [], print: false };
    if (parts.length === 1 && parts[0] === "") return { ...result, empty: true };
    if (parts[0] !== VERSION) return { ...result, problems: ["unreadable"] };
    if (parts.length === 5 && parts[4] === PRINT) result.print = Boolean(parts.pop());
    const [, exercises = "", note = "", sum] = parts;
    const whole = parts.length === 4 && sum === check(parts.slice(0, 3).join("/"));
    if (!whole) result.problems.push("cut-short");
    for (const text of exercises.split(",")) {
      const match = ITEM.exec(text);
      if (!match) continue; // a part cut off mid-way, or garbled: the rest still shows
      const [amount, sets, hold, times] = match.slice(2).map(Number);
      if (amount < 1 || sets < 1 || times < 1) continue;
      result.items.push({ code: match[1], amount, sets, hold, times });
    }
    try {
      result.note = decodeNote(note);
    } catch {
      result.problems.push("cut-short"); // a note cut inside a %-escape
    }
    return result;
  };

  return { write, read, PRINT };
})();

// The dose in words, as engine/exercises.py words it for a page (a browser test compares the
// two): "10 slow repeats on each side, in 2 sets, once a day".
const doseWords = (() => {
  const UNITS = {
    repeats: ["slow repeat", "slow repeats"],
    breaths: ["slow breath", "slow breaths"],
    taps: ["slow tap", "slow taps"],
    minutes: ["minute", "minutes"],
  };
  const dose = ({ unit, eachSide }, { amount, sets, times }) => {
    const [one, many] = UNITS[unit];
    let words = amount + " " + (amount === 1 ? one : many);
    if (eachSide) words += " on each side";
    if (sets > 1) words += ", in " + sets + " sets";
    return words + ", " + (times === 1 ? "once a day" : times + " times a day");
  };
  const hold = (seconds) => seconds + (seconds === 1 ? " second" : " seconds");
  return { dose, hold };
})();

// --- the plan view ------------------------------------------------------------------------------

document.querySelectorAll("[data-plan-exercises]").forEach((list) => {
  const root = list.closest(".md-content") || document;
  const find = (selector) => root.querySelector(selector);
  // Another plan's link opened in this tab changes only the fragment: show that plan afresh.
  addEventListener("hashchange", () => location.reload());
  const plan = planLink.read(location.hash);
  if (plan.empty) return; // the page says how to open a plan

  const byCode = new Map();
  list.querySelectorAll("[data-plan-codes]").forEach((section) => {
    section.dataset.planCodes.split(" ").forEach((code) => byCode.set(code, section));
  });
  const shown = new Set();
  const unknown = [];
  let number = 0; // of the exercises shown (a retired one shows its message, unnumbered)
  for (const item of plan.items) {
    const section = byCode.get(item.code);
    if (!section) unknown.push(item.code);
    if (!section || shown.has(section)) continue;
    shown.add(section);
    list.append(section); // in the plan's order
    section.hidden = false;
    if (!section.classList.contains("app-exercise")) continue; // retired: its message only
    number += 1;
    section.querySelector("h2").prepend(number + ". ");
    const dose = section.querySelector(".app-plan-dose");
    const unit = { unit: dose.dataset.unit, eachSide: dose.dataset.eachSide === "true" };
    dose.querySelector("span").textContent = doseWords.dose(unit, item);
    section.querySelectorAll("[data-plan-hold]").forEach((hold) => {
      hold.textContent = doseWords.hold(item.hold || Number(hold.dataset.planHold));
    });
  }

  const problems = [];
  if (plan.problems.includes("unreadable")) {
    problems.push("We cannot read this link. Ask your clinician to send it again.");
  } else if (plan.problems.includes("cut-short")) {
    problems.push(
      "This link looks cut short or changed, so part of your plan may be missing. " +
        "Below is the part we could read. Ask your clinician to send the link again.",
    );
  }
  if (unknown.length) {
    const count = unknown.length === 1 ? "1 exercise" : unknown.length + " exercises";
    problems.push(
      "This plan names " + count + " we do not have (" + unknown.join(", ") + "). " +
        "Ask your clinician what to do instead.",
    );
  }
  if (!shown.size && !problems.length) problems.push("This plan has no exercises in it.");
  if (problems.length) {
    find("[data-plan-problem-text]").textContent = problems.join(" ");
    find("[data-plan-problem]").hidden = false;
  }
  find("[data-plan-empty]").hidden = true;
  if (plan.note) {
    find("[data-plan-note-text]").textContent = plan.note;
    find("[data-plan-note-box]").hidden = false;
  }

  // The builder's Print: print once, then keep the plain plan link (for the QR code too).
  if (plan.print) {
    history.replaceState(null, "", location.href.replace(/\/print$/, ""));
  }
  // This runs as the page is read (before the deferred QR library): draw once it is there.
  const qr = () => drawQrCode(find("[data-plan-qr]"), location.href);
  if (typeof qrcode === "function") qr();
  else addEventListener("DOMContentLoaded", qr);
  // Printed, the plan is a handout: the exercises alone, as "Print exercises" prints them.
  document.documentElement.classList.add("app-print-exercises", "app-print-plan");
  const actions = find("[data-plan-view-actions]");
  if (shown.size && typeof window.print === "function") {
    actions.hidden = false;
    actions.querySelector("[data-plan-print]").addEventListener("click", () => window.print());
    // Print the whole page, QR code included, once it has all loaded.
    if (plan.print) addEventListener("load", () => window.print());
  }
});

// A scalable QR code, as the build draws one for an article (engine/sharing.py): black on white,
// four modules of quiet zone, sized by print CSS. qrcode-generator is vendored (package.json).
function drawQrCode(box, text) {
  if (!box || typeof qrcode !== "function") return;
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();
  box.innerHTML = code.createSvgTag({ cellSize: 1, margin: 4, scalable: true });
  const svg = box.querySelector("svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "QR code for this plan");
}

// --- the plan builder ---------------------------------------------------------------------------

document.querySelectorAll("[data-plan-builder]").forEach((builder) => {
  const result = document.querySelector("[data-plan-result]");
  const $ = (selector) => result.querySelector(selector);
  const choices = [...builder.querySelectorAll("[data-plan-code]")];
  const picked = []; // codes, in the order they were ticked: the plan's order
  const viewUrl = new URL(result.dataset.viewUrl, location.href).href;

  const numberIn = (choice, field) => {
    const input = choice.querySelector('[data-plan-field="' + field + '"]');
    if (!input) return 0;
    const value = Math.round(Number(input.value));
    const valid = Number.isFinite(value) && value >= 1 && value <= 99;
    input.setAttribute("aria-invalid", String(!valid));
    return valid ? value : Number(input.defaultValue);
  };
  const itemOf = (code) => {
    const choice = builder.querySelector('[data-plan-code="' + code + '"]');
    return {
      code,
      amount: numberIn(choice, "amount"),
      sets: numberIn(choice, "sets"),
      hold: numberIn(choice, "hold"),
      times: numberIn(choice, "times"),
      name: choice.querySelector("label").textContent,
    };
  };
  const setEnabled = (element, enabled, href) => {
    if (element.tagName === "A") {
      if (enabled) element.href = href;
      else element.removeAttribute("href");
      element.setAttribute("aria-disabled", String(!enabled));
    } else {
      element.disabled = !enabled;
    }
  };

  const update = () => {
    const items = picked.map(itemOf);
    const note = $("[data-plan-note]").value;
    const link = items.length ? viewUrl + "#" + planLink.write(items, note) : "";
    $("[data-plan-link]").value = link;
    $("[data-plan-length]").textContent = link ? link.length + " characters" : "";
    const count = items.length === 1 ? "1 exercise" : items.length + " exercises";
    $("[data-plan-count]").textContent = items.length
      ? count + " in this plan, in this order:"
      : "No exercises chosen yet.";
    $("[data-plan-summary]").replaceChildren(
      ...items.map((item) => {
        const line = document.createElement("li");
        line.textContent = item.name;
        return line;
      }),
    );
    const { clinicName: name, clinicPhone } = result.dataset;
    const subject = "Your home exercise plan from " + name;
    const body =
      "Here is the home exercise plan we made for you. Open this link on your phone or " +
      "computer:\n\n" + link + "\n\nYour plan is in the link itself. It is not stored on our " +
      "website.\n\n" + name + "\n" + clinicPhone;
    const mailto =
      "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
    setEnabled($("[data-plan-copy]"), link && navigator.clipboard);
    setEnabled($("[data-plan-print]"), link);
    setEnabled($("[data-plan-email]"), link, mailto);
    setEnabled($("[data-plan-open]"), link, link);
  };

  builder.addEventListener("change", (event) => {
    const pick = event.target.closest("[data-plan-pick]");
    if (pick) {
      const code = pick.closest("[data-plan-code]").dataset.planCode;
      const at = picked.indexOf(code);
      if (pick.checked && at < 0) picked.push(code);
      if (!pick.checked && at >= 0) picked.splice(at, 1);
    }
    const filter = event.target.closest("[data-plan-filter]");
    if (filter) applyFilters();
    update();
  });
  builder.addEventListener("input", update);
  $("[data-plan-note]").addEventListener("input", update);

  // Filters hide what does not match; a ticked exercise stays in the plan.
  const applyFilters = () => {
    const area = builder.querySelector('[data-plan-filter="area"]').value;
    const condition = builder.querySelector('[data-plan-filter="condition"]').value;
    for (const choice of choices) {
      const areaMatches = !area || choice.dataset.bodyArea === area;
      const conditionMatches =
        !condition || choice.dataset.conditions.split(" ").includes(condition);
      choice.hidden = !(areaMatches && conditionMatches);
    }
  };

  $("[data-plan-copy]").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText($("[data-plan-link]").value);
      $("[data-plan-status]").textContent = "Link copied.";
    } catch {
      $("[data-plan-status]").textContent = "Could not copy. Select the link and copy it instead.";
    }
  });
  $("[data-plan-print]").addEventListener("click", () => {
    location.assign($("[data-plan-link]").value + "/" + planLink.PRINT);
  });
  // The form's state after Back or a reload: the browser may have kept ticks and numbers.
  choices.forEach((choice) => {
    if (choice.querySelector("[data-plan-pick]").checked) picked.push(choice.dataset.planCode);
  });
  applyFilters();
  update();
});
