// Remembers the door device's label on this phone or tablet, so each check-in records where it happened.
const deviceKey = 'eventhub.door.device';

export function device(fromQuery) {
    if (fromQuery) {
        localStorage.setItem(deviceKey, fromQuery);
        return fromQuery;
    }
    return localStorage.getItem(deviceKey) || '';
}

export function rememberDevice(label) {
    if (label) localStorage.setItem(deviceKey, label); else localStorage.removeItem(deviceKey);
}
