// The offline door. It answers every scan from the device (a SHA-256 of the code looked up in a Map), keeps its list and
// its queue encrypted in IndexedDB, sends queued check-ins and fetches the list every few seconds while online, and
// erases everything when its door session ends (revoked, expired, or signed out here).
import * as store from './door-store.js';

const $ = id => document.getElementById(id);
const STALE_AFTER_MS = 120_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const state = {
    token: null, key: null, info: null,
    list: [], listBox: null, etag: null, fetchedAt: 0,
    byHash: new Map(), byId: new Map(),
    queue: new Map(), mode: '', online: navigator.onLine, busy: false, asking: null, timers: [], answers: 0,
};

if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => { /* the door works online without it */ });
}

start().catch(e => signedOut('The door could not start: ' + e.message));

async function start() {
    const fromLink = new URLSearchParams(location.hash.slice(1)).get('session');
    if (fromLink) {
        // The token leaves the address bar (and the history) at once.
        history.replaceState(null, '', location.pathname);
    }
    let meta = await store.getMeta('session');
    if (fromLink && meta?.token !== fromLink) {
        if (meta) {
            await store.erase();
        }
        meta = { token: fromLink };
        await store.putMeta('session', meta);
    }
    if (!meta?.token) {
        return signedOut('Open this door from the link your organiser gave you.');
    }
    state.token = meta.token;

    try {
        const response = await api('/door-api/session');
        if (response.status === 401 || response.status === 403) {
            return ended('This door session has ended (revoked, expired or signed out): the list on this device was erased.');
        }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const info = await response.json();
        state.key = await store.importKey(info.listKey);
        delete info.listKey;
        state.info = info;
        await store.putMeta('session', { token: state.token, key: state.key, info });
        state.online = true;
    } catch {
        if (!meta.key) {
            return signedOut('Connect to the network once, so this device can load the door list.');
        }
        state.key = meta.key;
        state.info = meta.info;
        state.online = false;
    }
    if (utc(state.info.expiresAtUtc) <= Date.now()) {
        return ended('This door session expired after the event\'s day: the list on this device was erased.');
    }

    const saved = await store.getMeta('list');
    if (saved) {
        state.list = await store.unseal(state.key, saved.box);
        state.listBox = saved.box;
        state.etag = saved.etag;
        state.fetchedAt = saved.fetchedAt;
    }
    for (const entry of await store.queued()) {
        const item = await store.unseal(state.key, entry.box);
        state.queue.set(item.id, item);
    }
    index();
    setUp();
    await refresh();
    state.timers.push(setInterval(refresh, (state.info.refreshSeconds || 5) * 1000));
    state.timers.push(setInterval(renderStatus, 1000));
    window.addEventListener('online', () => refresh());
    window.addEventListener('offline', () => { state.online = false; renderStatus(); });
    document.body.dataset.doorReady = 'true';
}

function api(path, options = {}) {
    const headers = { Authorization: 'Bearer ' + state.token, ...(options.headers || {}) };
    return fetch(path, { ...options, headers, cache: 'no-store', credentials: 'omit' });
}

/** Sends the queue, then fetches the list if it changed. Failures only mean "offline": the next tick tries again. */
async function refresh() {
    if (state.busy || !state.key) return;
    state.busy = true;
    try {
        await flush();
        const response = await api('/door-api/list', state.etag ? { headers: { 'If-None-Match': state.etag } } : {});
        if (response.status === 401 || response.status === 403) {
            return ended('This door session has ended (revoked, expired or signed out): the list on this device was erased.');
        }
        if (response.status === 304) {
            state.fetchedAt = Date.now();
            await store.putMeta('list', { box: state.listBox, etag: state.etag, fetchedAt: state.fetchedAt });
        } else if (response.ok) {
            const list = await response.json();
            state.list = list;
            state.etag = response.headers.get('ETag');
            state.fetchedAt = Date.now();
            state.listBox = await store.seal(state.key, list);
            await store.putMeta('list', { box: state.listBox, etag: state.etag, fetchedAt: state.fetchedAt });
            index();
        } else {
            throw new Error('HTTP ' + response.status);
        }
        state.online = true;
    } catch (e) {
        if (e instanceof SessionEnded) return;
        state.online = false;
    } finally {
        state.busy = false;
        renderStatus();
    }
}

class SessionEnded extends Error { }

async function flush() {
    if (state.queue.size === 0) return;
    const items = [...state.queue.values()].slice(0, 500);
    const response = await api('/door-api/check-ins', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(items.map(i => ({
            clientId: i.id, registrationId: i.registrationId, passHash: i.passHash, atUtc: i.atUtc,
            agendaItemId: i.agendaItemId || null, confirmedOutsideDay: i.confirmedOutsideDay,
        }))),
    });
    if (response.status === 401 || response.status === 403) {
        await ended('This door session has ended: ' + state.queue.size + ' check-ins on this device could not be sent. Tell the organiser.');
        throw new SessionEnded();
    }
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const results = await response.json();
    for (const r of results) {
        state.queue.delete(r.clientId);
        if (r.result !== 'admitted' && r.message) notice(r.message);
    }
    await store.deleteQueued(results.map(r => r.clientId));
}

/** Lookups by pass hash and registration, with this device's own unsent check-ins laid over the server's list. */
function index() {
    state.byHash = new Map();
    state.byId = new Map();
    for (const e of state.list) {
        e.agendaItems = e.agendaItems || [];
        if (e.passHash) state.byHash.set(e.passHash, e);
        state.byId.set(e.registrationId, e);
    }
    for (const item of state.queue.values()) {
        const e = state.byId.get(item.registrationId);
        if (!e) continue;
        if (item.agendaItemId) {
            if (!e.agendaItems.includes(item.agendaItemId)) e.agendaItems.push(item.agendaItemId);
        } else if (!e.checkIn) {
            e.checkIn = { atUtc: item.atUtc, byName: state.info.staffName || state.info.label, device: state.info.label };
        }
    }
    renderStatus();
}

async function scan(raw) {
    const started = performance.now();
    const code = (raw || '').trim();
    const entry = TOKEN.test(code) ? state.byHash.get(await store.sha256Hex(code)) : undefined;
    const answer = entry ? await admit(entry, entry.passHash, false) : { verdict: 'refused' };
    show(answer, started);
}

async function admit(entry, passHash, confirmed) {
    const agendaItemId = state.mode || null;
    if (agendaItemId ? entry.agendaItems.includes(agendaItemId) : entry.checkIn) {
        return { verdict: 'already', entry };
    }
    const now = Date.now();
    const inDay = now >= utc(state.info.doorOpensAtUtc) && now < utc(state.info.doorClosesAtUtc);
    if (!inDay && !confirmed) {
        return { verdict: 'confirm', entry, passHash };
    }
    const item = {
        id: crypto.randomUUID(), registrationId: entry.registrationId, passHash, atUtc: new Date(now).toISOString(),
        agendaItemId, confirmedOutsideDay: !inDay,
    };
    // On the device before the answer: a door that loses power right after "ADMITTED" still sends it later.
    await store.putQueued({ id: item.id, box: await store.seal(state.key, item) });
    state.queue.set(item.id, item);
    if (agendaItemId) {
        entry.agendaItems.push(agendaItemId);
    } else {
        entry.checkIn = { atUtc: item.atUtc, byName: state.info.staffName || state.info.label, device: state.info.label };
    }
    if (state.online) setTimeout(refresh, 0);
    return { verdict: 'admitted', entry };
}

const WORDS = { admitted: '✔ ADMITTED', already: '⟳ ALREADY IN', refused: '✖ NOT ON THE LIST', confirm: '⚠ NOT THE EVENT\'S DAY' };

function show(answer, started) {
    const result = $('result');
    result.hidden = false;
    // Counts the answers shown, so a reader (a test, a screen reader's log) can tell two equal answers apart.
    result.dataset.answers = String(++state.answers);
    result.className = 'result ' + answer.verdict;
    $('verdict').textContent = WORDS[answer.verdict];
    const e = answer.verdict === 'refused' ? null : answer.entry;
    $('result-name').textContent = e ? e.name : '';
    $('result-org').textContent = e?.organisationName || '';
    let when = '';
    if (answer.verdict === 'already') {
        when = state.mode
            ? 'Already checked in to this session'
            : `Checked in at ${time(e.checkIn.atUtc)} by ${e.checkIn.byName || 'someone'}${e.checkIn.device ? ' at ' + e.checkIn.device : ''}`;
    } else if (answer.verdict === 'confirm') {
        when = dayWarning() + ' Admit ' + e.name + ' anyway?';
    }
    $('result-when').textContent = when;
    $('confirm-row').hidden = answer.verdict !== 'confirm';
    state.asking = answer.verdict === 'confirm' ? answer : null;
    renderStatus();
    if (started !== undefined) {
        const ms = performance.now() - started;
        result.dataset.answerMs = ms.toFixed(3);
        performance.measure('door-answer', { start: started, duration: ms });
    }
    const scanInput = $('scan');
    scanInput.value = '';
    scanInput.focus();
}

function search(text) {
    const q = fold(text);
    const hits = $('hits');
    hits.replaceChildren();
    if (q.length < 2) {
        hits.append(item('Type at least two letters of the name.'));
        return;
    }
    const found = state.list.filter(e => fold(e.name).includes(q) || fold(e.organisationName || '').includes(q))
        .sort((a, b) => a.name.localeCompare(b.name)).slice(0, 20);
    if (found.length === 0) hits.append(item(`Nobody approved matches “${text.trim()}”.`));
    for (const e of found) {
        const li = document.createElement('li');
        const label = document.createElement('span');
        label.textContent = e.name + (e.organisationName ? ' · ' + e.organisationName : '') + (e.checkIn ? ' (already in)' : '');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Admit';
        button.setAttribute('aria-label', 'Admit ' + e.name);
        button.addEventListener('click', async () => {
            const started = performance.now();
            show(await admit(e, null, false), started);
            hits.replaceChildren();
            $('search').value = '';
        });
        li.append(label, button);
        hits.append(li);
    }
}

function setUp() {
    $('signed-out').hidden = true;
    $('door').hidden = false;
    $('title').textContent = 'Door · ' + state.info.title;
    $('subtitle').textContent = `${new Intl.DateTimeFormat('en-GB', { timeZone: state.info.timeZoneId, dateStyle: 'full', timeStyle: 'short' }).format(new Date(utc(state.info.startsAtUtc)))}`
        + (state.info.venue ? ' · ' + state.info.venue : '') + ' · this device: ' + state.info.label;
    if (state.info.agendaItems?.length) {
        const mode = $('mode');
        mode.append(new Option('Arrival at the door', ''));
        for (const a of state.info.agendaItems) mode.append(new Option(a.title, a.id));
        mode.addEventListener('change', () => { state.mode = mode.value; renderStatus(); });
        $('mode-row').hidden = false;
    }
    $('scan-form').addEventListener('submit', e => { e.preventDefault(); scan($('scan').value); });
    $('search-form').addEventListener('submit', e => { e.preventDefault(); search($('search').value); });
    $('confirm-yes').addEventListener('click', async () => {
        const asking = state.asking;
        if (asking) show(await admit(asking.entry, asking.passHash, true), performance.now());
    });
    $('confirm-no').addEventListener('click', () => { state.asking = null; $('result').hidden = true; $('scan').focus(); });
    $('sign-out').addEventListener('click', signOut);
    setUpCamera();
    $('scan').focus();
}

async function signOut() {
    await refresh();
    if (state.queue.size > 0 && !confirm(`${state.queue.size} check-ins have not reached the server yet (no network). Signing out loses them. Sign out anyway?`)) {
        return;
    }
    try { await api('/door-api/end', { method: 'POST' }); } catch { /* offline: the session still expires after the event's day */ }
    await ended('Signed out: the list on this device was erased.');
}

async function ended(message) {
    state.timers.forEach(clearInterval);
    state.timers = [];
    state.key = null;
    state.list = [];
    state.byHash = new Map();
    state.byId = new Map();
    state.queue = new Map();
    await store.erase();
    signedOut(message);
}

function signedOut(message) {
    $('door').hidden = true;
    $('signed-out').hidden = false;
    $('signed-out-message').textContent = message;
    $('network').textContent = 'Signed out';
    $('freshness').textContent = 'no list on this device';
    $('pending').textContent = '';
    document.body.dataset.doorReady = 'signed-out';
}

function renderStatus() {
    if (!state.info || !state.key) return;
    const network = $('network');
    network.textContent = state.online ? 'Online' : 'Offline';
    network.className = state.online ? '' : 'offline';
    const freshness = $('freshness');
    if (!state.fetchedAt) {
        freshness.textContent = 'no list yet';
        freshness.className = 'stale';
    } else {
        const age = Date.now() - state.fetchedAt;
        freshness.textContent = 'list updated ' + ago(age);
        freshness.className = age > STALE_AFTER_MS ? 'stale' : '';
    }
    $('pending').textContent = `${state.queue.size} waiting to be sent`;
    const approved = state.list.length;
    const inside = state.mode
        ? state.list.filter(e => e.agendaItems.includes(state.mode)).length
        : state.list.filter(e => e.checkIn).length;
    $('count').textContent = `${inside} checked in of ${approved} approved` + (state.mode ? ' (this session)' : '');
    const warning = $('day-warning');
    const now = Date.now();
    const inDay = now >= utc(state.info.doorOpensAtUtc) && now < utc(state.info.doorClosesAtUtc);
    warning.hidden = inDay;
    warning.textContent = inDay ? '' : dayWarning() + ' Each admission asks for confirmation.';
}

function dayWarning() {
    return Date.now() < utc(state.info.doorOpensAtUtc)
        ? `The door opens on ${state.info.doorDay}: this is before the event's day.`
        : `The door closed after ${state.info.doorDay}: the event is over.`;
}

function notice(text) {
    const li = document.createElement('li');
    li.textContent = time(new Date().toISOString()) + ' · ' + text;
    $('notices').prepend(li);
}

function setUpCamera() {
    if (!('BarcodeDetector' in window) || !navigator.mediaDevices?.getUserMedia) return;
    const button = $('camera');
    const video = $('video');
    let stream = null, timer = null;
    button.hidden = false;
    button.addEventListener('click', async () => {
        if (stream) {
            clearInterval(timer);
            stream.getTracks().forEach(t => t.stop());
            stream = null;
            video.hidden = true;
            button.textContent = 'Scan with the camera';
            return;
        }
        const message = $('camera-message');
        message.hidden = true;
        try {
            const formats = await BarcodeDetector.getSupportedFormats();
            if (!formats.includes('qr_code')) throw new Error('this browser cannot read QR codes');
            const detector = new BarcodeDetector({ formats: ['qr_code'] });
            stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
            video.srcObject = stream;
            video.hidden = false;
            await video.play();
            button.textContent = 'Stop the camera';
            let last = '', lastAt = 0;
            timer = setInterval(async () => {
                if (video.readyState < 2) return;
                try {
                    const codes = await detector.detect(video);
                    if (codes.length === 0) return;
                    const value = codes[0].rawValue;
                    // The same code held in front of the camera counts once every 3 seconds.
                    if (value === last && Date.now() - lastAt < 3000) return;
                    last = value; lastAt = Date.now();
                    await scan(value);
                } catch { /* a frame that cannot be read */ }
            }, 200);
        } catch (e) {
            message.textContent = 'The camera could not be used (' + (e.message || e.name) + '): use a scanner or type the code.';
            message.hidden = false;
        }
    });
}

function item(text) {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
}

/** The server writes UTC instants with or without a zone designator (SQLite hands them back without): always UTC. */
function utc(text) {
    return Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(text) ? text : text + 'Z');
}

function time(text) {
    return new Intl.DateTimeFormat('en-GB', { timeZone: state.info?.timeZoneId || 'UTC', hour: '2-digit', minute: '2-digit' }).format(new Date(utc(text)));
}

function ago(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    return s < 60 ? `${s} s ago` : s < 3600 ? `${Math.floor(s / 60)} min ago` : `${Math.floor(s / 3600)} h ago`;
}

function fold(text) {
    return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}
