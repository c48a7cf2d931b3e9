// The true preview: the article as the render module's templates make it (POST /api/previews), shown in a
// sandboxed iframe. Asked for 300 ms after typing stops; a newer request aborts the one in flight.
import {request} from './api.js';
import {debounce, el, replace} from './ui.js';

const DELAY_MS = 300;

/**
 * A preview pane. `payload()` gives the article as it would be saved; `onProblems(errors)` shows 422 problems by the
 * fields (the last good preview stays).
 */
export function previewPane(payload, onProblems) {
    const frame = el('iframe', {title: 'Förhandsvisning', sandbox: 'allow-same-origin', class: 'preview-frame'});
    const note = el('p', {class: 'preview-note', 'aria-live': 'polite'}, 'Förhandsvisningen visas här.');
    const pane = el('div', {class: 'preview-body'}, note, frame);
    let controller;

    async function refresh() {
        controller?.abort();
        const article = payload();
        if (!article.title.trim()) {
            replace(note, 'Skriv en rubrik så visas förhandsvisningen här.');
            return;
        }
        controller = new AbortController();
        const started = performance.now();
        try {
            const answer = await request('POST', '/api/previews', {body: article, signal: controller.signal});
            frame.srcdoc = answer.data;
            replace(note, 'Förhandsvisning uppdaterad.');
            pane.dataset.ms = String(Math.round(performance.now() - started));
            onProblems([]);
        } catch (e) {
            if (e.name === 'AbortError') {
                return;
            }
            if (e.status === 422) {
                onProblems(e.errors);
                replace(note, 'Förhandsvisningen visar senaste felfria versionen. Rätta de markerade fälten.');
            } else {
                replace(note, 'Förhandsvisningen kunde inte uppdateras: ' + e.message);
            }
        }
    }

    const later = debounce(refresh, DELAY_MS);
    return {element: pane, refresh, later, stop: () => {
        later.cancel();
        controller?.abort();
    }};
}
