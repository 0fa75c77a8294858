// Phone-first note taking for an instructional round (ADR 0086). Without this script the form posts as a plain form.
// With it, each note gets its id here, is kept in this phone's storage first, then posted to the API; a note whose post
// fails stays kept and is sent again when the connection is back (the "online" event, and every few seconds). The API
// stores a note once by its id, so a note sent twice is stored once.
(function () {
    "use strict";
    var form = document.getElementById("note-form");
    var status = document.getElementById("note-status");
    if (!form || !status || !window.fetch || !window.localStorage) {
        return;
    }
    var api = form.getAttribute("data-api");
    var key = "stepwise.round-notes." + status.getAttribute("data-round");
    var sending = false;

    function uuid() {
        var b = new Uint8Array(16);
        window.crypto.getRandomValues(b);
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
        return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    }

    function kept() {
        try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return []; }
    }

    function keep(notes) {
        if (notes.length === 0) { localStorage.removeItem(key); } else { localStorage.setItem(key, JSON.stringify(notes)); }
    }

    function say(text, kind) {
        status.textContent = text;
        status.className = "note-status" + (kind ? " note-status--" + kind : "");
    }

    function value(name) {
        var field = form.elements[name];
        return field && field.value.trim() !== "" ? field.value.trim() : null;
    }

    function showKept(count) {
        say("Kept on this phone — not sent yet; it will be sent when the connection is back. (" + count + " note" + (count === 1 ? "" : "s") + " waiting.)", "kept");
    }

    async function send() {
        if (sending) { return; }
        var notes = kept();
        if (notes.length === 0) { return; }
        sending = true;
        var sent = 0;
        try {
            for (var i = 0; i < notes.length; i++) {
                var note = notes[i];
                var response;
                try {
                    response = await fetch(api, {
                        method: "POST", credentials: "same-origin",
                        headers: { "Content-Type": "application/json", "Accept": "application/json" },
                        body: JSON.stringify(note),
                    });
                } catch (e) {
                    break; // no connection: keep this note and the rest
                }
                if (response.ok) {
                    sent++;
                    keep(kept().filter(function (n) { return n.id !== note.id; }));
                } else if (response.status === 400) {
                    var problem = await response.json().catch(function () { return null; });
                    var messages = problem && problem.errors ? Object.keys(problem.errors).map(function (k) { return problem.errors[k].join(" "); }) : [];
                    keep(kept().filter(function (n) { return n.id !== note.id; }));
                    restore(note);
                    say("The note was not saved: " + (messages.join(" ") || "check it and save it again."), "problem");
                    sending = false;
                    return;
                } else {
                    break; // signed out or the server is unwell: keep it and try again later
                }
            }
        } finally {
            sending = false;
        }
        var waiting = kept().length;
        if (waiting > 0) {
            showKept(waiting);
        } else if (sent > 0) {
            say(sent === 1 ? "Note sent." : sent + " notes sent.", "sent");
        }
    }

    function restore(note) {
        if (value("Input.TeacherDoing") || value("Input.PupilsDoing") || value("Input.Task")) { return; }
        form.elements["Input.TeacherDoing"].value = note.teacherDoing || "";
        form.elements["Input.PupilsDoing"].value = note.pupilsDoing || "";
        form.elements["Input.Task"].value = note.task || "";
        form.elements["Input.YearGroup"].value = note.yearGroup || "";
        form.elements["Input.SubjectArea"].value = note.subjectArea || "";
        form.querySelectorAll("input[name='Input.Tags']").forEach(function (box) { box.checked = note.tags.indexOf(box.value) >= 0; });
    }

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        var note = {
            id: uuid(),
            teacherDoing: value("Input.TeacherDoing"),
            pupilsDoing: value("Input.PupilsDoing"),
            task: value("Input.Task"),
            yearGroup: value("Input.YearGroup"),
            subjectArea: value("Input.SubjectArea"),
            tags: Array.prototype.map.call(form.querySelectorAll("input[name='Input.Tags']:checked"), function (box) { return box.value; }),
        };
        if (!note.teacherDoing && !note.pupilsDoing && !note.task) {
            say("Write what you saw: what the teacher said and did, what pupils said and did, or the task.", "problem");
            form.elements["Input.TeacherDoing"].focus();
            return;
        }
        var notes = kept();
        notes.push(note);
        keep(notes);
        // Kept on the phone first, then the form is cleared for the next classroom; the year group and subject stay.
        form.elements["Input.TeacherDoing"].value = "";
        form.elements["Input.PupilsDoing"].value = "";
        form.elements["Input.Task"].value = "";
        form.querySelectorAll("input[name='Input.Tags']").forEach(function (box) { box.checked = false; });
        say("Sending the note…", "");
        send();
    });

    window.addEventListener("online", send);
    window.setInterval(send, 5000);
    if (kept().length > 0) {
        showKept(kept().length);
        send();
    }
})();
