import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import wasm from 'zxing-wasm/reader/zxing_reader.wasm?url';

/**
 * The QR reader for browsers without their own `BarcodeDetector` (desktop Chrome on Linux and
 * Windows, Firefox): ZXing in WebAssembly, its `.wasm` served by our own origin (its default is a
 * CDN, which mainland China and Nepal reach badly) and kept by the service worker for offline use.
 * Loaded only when the camera is turned on.
 */
prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasm : prefix + path) },
});

export { BarcodeDetector };
