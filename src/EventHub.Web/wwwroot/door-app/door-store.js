// The device's storage: one IndexedDB database holding the session (token, the non-extractable AES-GCM key the server
// gave to this door session, the event's details), the door list and the queue of check-ins not yet sent. The list and
// every queued check-in are encrypted with that key (AES-GCM, a fresh 96-bit IV each time).
const NAME = 'eventhub-door';
let opening = null;

function database() {
    opening ??= new Promise((resolve, reject) => {
        const request = indexedDB.open(NAME, 1);
        request.onupgradeneeded = () => {
            request.result.createObjectStore('meta');
            request.result.createObjectStore('queue', { keyPath: 'id' });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
    return opening;
}

function run(store, mode, work) {
    return database().then(db => new Promise((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const request = work(tx.objectStore(store));
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
    }));
}

export const getMeta = key => run('meta', 'readonly', s => s.get(key));
export const putMeta = (key, value) => run('meta', 'readwrite', s => s.put(value, key));
export const queued = () => run('queue', 'readonly', s => s.getAll());
export const putQueued = entry => run('queue', 'readwrite', s => s.put(entry));
export const deleteQueued = ids => run('queue', 'readwrite', s => { ids.forEach(id => s.delete(id)); return null; });

/** Erases everything this door keeps on the device: the list, the queue, the token and the key. */
export async function erase() {
    if (opening) {
        try { (await opening).close(); } catch { /* not open */ }
        opening = null;
    }
    await new Promise(resolve => {
        const request = indexedDB.deleteDatabase(NAME);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
}

export function importKey(base64) {
    const raw = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    // Not extractable: the page can use the key but never read its bytes back.
    return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function seal(key, value) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value)));
    return { iv, data };
}

export async function unseal(key, box) {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv }, key, box.data);
    return JSON.parse(new TextDecoder().decode(plain));
}

/** SHA-256 of the scanned code as lower-case hex: the same as the server's PersonalToken.Hash. */
export async function sha256Hex(text) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
}
