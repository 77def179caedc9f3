// The offline door's service worker: keeps the app's own files (never the door list, never the API) so the door opens
// without a network. The list lives only in IndexedDB, encrypted; API answers are never cached.
const CACHE = 'eventhub-door-v1';
const SHELL = ['index.html', 'door.css', 'door.js', 'door-store.js', 'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', event => {
    event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
    event.waitUntil(caches.keys()
        .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
        .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
    const url = new URL(event.request.url);
    const scope = new URL(self.registration.scope);
    if (event.request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) {
        return; // the door API and everything else: the network only
    }
    // Network first, so a new version arrives when online; the cached copy when the network is gone.
    event.respondWith(fetch(event.request)
        .then(response => {
            if (response.ok) {
                const copy = response.clone();
                caches.open(CACHE).then(cache => cache.put(event.request, copy));
            }
            return response;
        })
        .catch(() => caches.match(event.request, { ignoreSearch: true })
            .then(hit => hit || caches.match(new URL('index.html', scope).href))));
});
