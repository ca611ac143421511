// The portal's new-message sound, mutable and remembered per browser. Browsers only let audio start after a
// user gesture, so audio is unlocked on the first click or key press.
import { playChime, unlockAudio } from '../shared/chime.js';

const MUTED_KEY = 'switchboard.portal.muted';

document.addEventListener('pointerdown', unlockAudio, { once: true, capture: true });
document.addEventListener('keydown', unlockAudio, { once: true, capture: true });

export const sound = {
  get muted() {
    return localStorage.getItem(MUTED_KEY) === '1';
  },

  set muted(value) {
    localStorage.setItem(MUTED_KEY, value ? '1' : '0');
  },

  ding() {
    if (!this.muted) playChime();
  },
};
