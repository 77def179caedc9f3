// The door scanner's browser side: keep the scan field focused (USB/Bluetooth scanners type into it and press Enter),
// and scan QR codes with the camera where the browser has BarcodeDetector.
let stream = null;
let timer = null;
let keepFocus = null;

export function keepScanFocus(input) {
    if (!input) return;
    input.focus();
    keepFocus = () => setTimeout(() => {
        // Only take focus back when nothing else holds it (a tap on the result, the page): never from another field.
        const active = document.activeElement;
        if (!active || active === document.body) input.focus();
    }, 0);
    input.addEventListener('blur', keepFocus);
    document.addEventListener('click', keepFocus);
}

export function focusScan(input) {
    if (input) { input.value = ''; input.focus(); }
}

export function cameraSupported() {
    return 'BarcodeDetector' in window && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

export async function startCamera(video, dotnet) {
    if (!cameraSupported()) return 'unsupported';
    const formats = await BarcodeDetector.getSupportedFormats();
    if (!formats.includes('qr_code')) return 'no-qr';
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (e) {
        return 'failed:' + e.name;
    }
    video.srcObject = stream;
    await video.play();
    let last = '', lastAt = 0;
    timer = setInterval(async () => {
        if (video.readyState < 2) return;
        try {
            const codes = await detector.detect(video);
            if (codes.length === 0) return;
            const value = codes[0].rawValue;
            const now = Date.now();
            // The same code held in front of the camera counts once every 3 seconds.
            if (value === last && now - lastAt < 3000) return;
            last = value; lastAt = now;
            await dotnet.invokeMethodAsync('OnCameraScan', value);
        } catch { /* a frame that cannot be read */ }
    }, 200);
    return null;
}

export function stopCamera(video) {
    if (timer) { clearInterval(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(t => t.stop()); stream = null; }
    if (video) video.srcObject = null;
}

export function dispose(input) {
    stopCamera(null);
    if (keepFocus) {
        input?.removeEventListener('blur', keepFocus);
        document.removeEventListener('click', keepFocus);
    }
}
