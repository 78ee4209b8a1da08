/* The check-in app's service worker (scope /checkin/): keeps the app's shell and assets, so a door
   device that was once online reloads the app with the network cut. The build writes the asset
   list below (vite.config.mts); a new build is a new worker, which replaces the old cache. The api
   is never answered from here: the app keeps its list in IndexedDB and knows when it is offline. */
const ASSETS = __CHECKIN_ASSETS__;
const CACHE = `kinship-checkin-${__CHECKIN_VERSION__}`;
const SHELL = '/checkin/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        // The shell is the page the api answers a browser asking for HTML.
        cache.addAll([new Request(SHELL, { headers: { Accept: 'text/html' } }), ...ASSETS]),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('kinship-checkin-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || /^\/(api|docs|health|admin)(\/|$)/.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    // The page from the network when there is one (a new release shows at once), else the kept shell:
    // the same for every event, which the app reads from the address.
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .open(CACHE)
          .then((cache) => cache.match(SHELL, { ignoreVary: true }))
          .then((r) => r || Response.error()),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then(
        (kept) =>
          kept ||
          fetch(request).then((response) => {
            // Hashed assets never change: one fetched later (another language's words) is kept too.
            if (response.ok && url.pathname.startsWith('/assets/')) void cache.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
