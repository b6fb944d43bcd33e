/** The map picker as a promise; closing it is an answer, not an error. */
import type { GeoPointView } from '../../../../src/contract';

export interface ChosenPlace {
  name: string;
  address: string;
  /**
   * GCJ-02: wx.chooseLocation returns the same system the scanner asks wx.getLocation({ type:
   * 'gcj02' }) for, so the server's distance check compares like with like.
   */
  location: GeoPointView;
}

/** The chosen point; 'cancelled' when the person closed the map; 'refused' when position access was denied. */
export function choosePlace(): Promise<ChosenPlace | 'cancelled' | 'refused'> {
  return new Promise((resolve) => {
    wx.chooseLocation({
      success: (res) =>
        resolve({
          name: res.name,
          address: res.address,
          location: { latitude: res.latitude, longitude: res.longitude },
        }),
      fail: (err: WechatMiniprogram.GeneralCallbackResult) =>
        resolve(/cancel/.test(err.errMsg) ? 'cancelled' : 'refused'),
    });
  });
}
