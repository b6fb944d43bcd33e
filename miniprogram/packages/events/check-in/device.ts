/** The scanner and the position as promises; a refusal or a cancel is an answer, not an error. */
import type { GeoPointView } from '../../../../src/contract';

/** The scanned text, or null when the person closed the scanner. */
export function scanQrText(): Promise<string | null> {
  return new Promise((resolve) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(res.result ?? ''),
      fail: () => resolve(null),
    });
  });
}

/** GCJ-02, as the event's place is stored; null when refused or unavailable, so the QR path still works. */
export function currentPosition(): Promise<GeoPointView | null> {
  return new Promise((resolve) => {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude }),
      fail: () => resolve(null),
    });
  });
}
