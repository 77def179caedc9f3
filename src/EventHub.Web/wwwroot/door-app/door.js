// The offline door. It answers every scan from the device (a SHA-256 of the code looked up in a Map), keeps its list and
// its queue encrypted in IndexedDB, sends queued check-ins and fetches the list every few seconds while online, and
// erases everything when its door session ends (revoked, expired, or signed out here).
import * as store from './door-store.js';

const $ = id => document.getElementById(id);
const STALE_AFTER_MS = 120_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The English texts (StaffText.resx "DoorApp.*" keys; a Web test keeps the two equal), shown until the server's arrive. */
const ENGLISH = {
    PageTitle: "Door · EventHub",
    Title: "Door",
    TitleEvent: "Door · {0}",
    ThisDevice: "this device: {0}",
    Starting: "Starting…",
    NoListYet: "no list yet",
    Waiting: "{0} waiting to be sent",
    ClosedHeading: "Door closed on this device",
    OpenFromLink: "Open this door from the link your organiser gave you.",
    CheckingFor: "Checking in for",
    ScanLabel: "Scan or type the pass code",
    Check: "Check",
    Camera: "Scan with the camera",
    StopCamera: "Stop the camera",
    CameraView: "Camera view for scanning a pass",
    CameraFailed: "The camera could not be used ({0}): use a scanner or type the code.",
    AdmitAnyway: "Admit anyway",
    DoNotAdmit: "Do not admit",
    SearchSummary: "No pass? Find an approved attendee by name",
    SearchHint: "Name or organisation",
    Search: "Search",
    Notices: "Sync notices",
    SignOut: "Sign out of this door (erases the list on this device)",
    CouldNotStart: "The door could not start: {0}",
    Ended: "This door session has ended (revoked, expired or signed out): the list on this device was erased.",
    ConnectOnce: "Connect to the network once, so this device can load the door list.",
    Expired: "This door session expired after the event's day: the list on this device was erased.",
    EndedUnsent: "This door session has ended: {0} check-ins on this device could not be sent. Tell the organiser.",
    Admitted: "✔ ADMITTED",
    AlreadyIn: "⟳ ALREADY IN",
    NotOnList: "✖ NOT ON THE LIST",
    NotTheDay: "⚠ NOT THE EVENT'S DAY",
    AlreadySession: "Already checked in to this session",
    CheckedInAt: "Checked in at {0} by {1}",
    AtDevice: "at {0}",
    Someone: "someone",
    AdmitQuestion: "Admit {0} anyway?",
    TypeTwo: "Type at least two letters of the name.",
    NoMatch: "Nobody approved matches “{0}”.",
    AlreadyInSuffix: "(already in)",
    Admit: "Admit",
    AdmitOne: "Admit {0}",
    Arrival: "Arrival at the door",
    UnsentConfirm: "{0} check-ins have not reached the server yet (no network). Signing out loses them. Sign out anyway?",
    SignedOutErased: "Signed out: the list on this device was erased.",
    SignedOut: "Signed out",
    NoListHere: "no list on this device",
    Online: "Online",
    Offline: "Offline",
    ListUpdated: "list updated {0}",
    SecondsAgo: "{0} s ago",
    MinutesAgo: "{0} min ago",
    HoursAgo: "{0} h ago",
    Count: "{0} checked in of {1} approved",
    ThisSession: "(this session)",
    EachAsks: "Each admission asks for confirmation.",
    Opens: "The door opens on {0}: this is before the event's day.",
    Closed: "The door closed after {0}: the event is over.",
};

const state = {
    token: null, key: null, info: null,
    list: [], listBox: null, etag: null, fetchedAt: 0,
    byHash: new Map(), byId: new Map(),
    queue: new Map(), mode: '', online: navigator.onLine, busy: false, asking: null, timers: [], answers: 0,
};

if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => { /* the door works online without it */ });
}

start().catch(e => signedOut(t('CouldNotStart', e.message)));

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
        return signedOut(t('OpenFromLink'));
    }
    state.token = meta.token;

    try {
        const response = await api('/door-api/session');
        if (response.status === 401 || response.status === 403) {
            return ended(t('Ended'));
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
            return signedOut(t('ConnectOnce'));
        }
        state.key = meta.key;
        state.info = meta.info;
        state.online = false;
    }
    if (utc(state.info.expiresAtUtc) <= Date.now()) {
        return ended(t('Expired'));
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
            return ended(t('Ended'));
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
        await ended(t('EndedUnsent', state.queue.size));
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

const WORDS = { admitted: 'Admitted', already: 'AlreadyIn', refused: 'NotOnList', confirm: 'NotTheDay' };

function show(answer, started) {
    const result = $('result');
    result.hidden = false;
    // Counts the answers shown, so a reader (a test, a screen reader's log) can tell two equal answers apart.
    result.dataset.answers = String(++state.answers);
    result.className = 'result ' + answer.verdict;
    $('verdict').textContent = t(WORDS[answer.verdict]);
    const e = answer.verdict === 'refused' ? null : answer.entry;
    $('result-name').textContent = e ? e.name : '';
    $('result-org').textContent = e?.organisationName || '';
    let when = '';
    if (answer.verdict === 'already') {
        when = state.mode
            ? t('AlreadySession')
            : t('CheckedInAt', time(e.checkIn.atUtc), e.checkIn.byName || t('Someone')) + (e.checkIn.device ? ' ' + t('AtDevice', e.checkIn.device) : '');
    } else if (answer.verdict === 'confirm') {
        when = dayWarning() + ' ' + t('AdmitQuestion', e.name);
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
        hits.append(item(t('TypeTwo')));
        return;
    }
    const found = state.list.filter(e => fold(e.name).includes(q) || fold(e.organisationName || '').includes(q))
        .sort((a, b) => a.name.localeCompare(b.name)).slice(0, 20);
    if (found.length === 0) hits.append(item(t('NoMatch', text.trim())));
    for (const e of found) {
        const li = document.createElement('li');
        const label = document.createElement('span');
        label.textContent = e.name + (e.organisationName ? ' · ' + e.organisationName : '') + (e.checkIn ? ' ' + t('AlreadyInSuffix') : '');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = t('Admit');
        button.setAttribute('aria-label', t('AdmitOne', e.name));
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
    translatePage();
    $('title').textContent = t('TitleEvent', state.info.title);
    $('subtitle').textContent = `${new Intl.DateTimeFormat(locale(), { timeZone: state.info.timeZoneId, dateStyle: 'full', timeStyle: 'short' }).format(new Date(utc(state.info.startsAtUtc)))}`
        + (state.info.venue ? ' · ' + state.info.venue : '') + ' · ' + t('ThisDevice', state.info.label);
    if (state.info.agendaItems?.length) {
        const mode = $('mode');
        mode.append(new Option(t('Arrival'), ''));
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
    if (state.queue.size > 0 && !confirm(t('UnsentConfirm', state.queue.size))) {
        return;
    }
    try { await api('/door-api/end', { method: 'POST' }); } catch { /* offline: the session still expires after the event's day */ }
    await ended(t('SignedOutErased'));
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
    $('network').textContent = t('SignedOut');
    $('freshness').textContent = t('NoListHere');
    $('pending').textContent = '';
    document.body.dataset.doorReady = 'signed-out';
}

function renderStatus() {
    if (!state.info || !state.key) return;
    const network = $('network');
    network.textContent = t(state.online ? 'Online' : 'Offline');
    network.className = state.online ? '' : 'offline';
    const freshness = $('freshness');
    if (!state.fetchedAt) {
        freshness.textContent = t('NoListYet');
        freshness.className = 'stale';
    } else {
        const age = Date.now() - state.fetchedAt;
        freshness.textContent = t('ListUpdated', ago(age));
        freshness.className = age > STALE_AFTER_MS ? 'stale' : '';
    }
    $('pending').textContent = t('Waiting', state.queue.size);
    const approved = state.list.length;
    const inside = state.mode
        ? state.list.filter(e => e.agendaItems.includes(state.mode)).length
        : state.list.filter(e => e.checkIn).length;
    $('count').textContent = t('Count', inside, approved) + (state.mode ? ' ' + t('ThisSession') : '');
    const warning = $('day-warning');
    const now = Date.now();
    const inDay = now >= utc(state.info.doorOpensAtUtc) && now < utc(state.info.doorClosesAtUtc);
    warning.hidden = inDay;
    warning.textContent = inDay ? '' : dayWarning() + ' ' + t('EachAsks');
}

function dayWarning() {
    return Date.now() < utc(state.info.doorOpensAtUtc)
        ? t('Opens', state.info.doorDay)
        : t('Closed', state.info.doorDay);
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
            button.textContent = t('Camera');
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
            button.textContent = t('StopCamera');
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
            message.textContent = t('CameraFailed', e.message || e.name);
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
    return new Intl.DateTimeFormat(locale(), { timeZone: state.info?.timeZoneId || 'UTC', hour: '2-digit', minute: '2-digit' }).format(new Date(utc(text)));
}

function ago(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    return s < 60 ? t('SecondsAgo', s) : s < 3600 ? t('MinutesAgo', Math.floor(s / 60)) : t('HoursAgo', Math.floor(s / 3600));
}

/**
 * A text in the steward's language: the server sends them with the session (in the language of this device's browser) and
 * the device keeps them with the list, so they work offline too; English until the first session answer arrives.
 */
function t(key, ...args) {
    const text = state.info?.texts?.[key] ?? ENGLISH[key] ?? key;
    return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
}

/** The steward's locale for dates and times; British English when the server named none or the browser lacks it. */
function locale() {
    try {
        return Intl.DateTimeFormat.supportedLocalesOf([state.info?.locale || 'en-GB']).length ? state.info.locale : 'en-GB';
    } catch {
        return 'en-GB';
    }
}

/** The page's fixed words (marked data-text, data-text-placeholder, data-text-label) in the steward's language. */
function translatePage() {
    for (const el of document.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
    for (const el of document.querySelectorAll('[data-text-placeholder]')) el.placeholder = t(el.dataset.textPlaceholder);
    for (const el of document.querySelectorAll('[data-text-label]')) el.setAttribute('aria-label', t(el.dataset.textLabel));
    document.title = t('PageTitle');
    if (state.info?.locale) document.documentElement.lang = state.info.locale;
}

function fold(text) {
    return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}
