/** What the rendering step (test/miniprogram/preview) hands to the screenshot step. */
export interface GalleryEntry {
  /** File name without extension: `<scenario>-<mode>`. */
  name: string;
  scenario: string;
  title: string;
  mode: 'normal' | 'care';
  page: string;
}
