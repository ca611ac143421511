// A short two-note "ding" for new messages (widget and portal), made with Web Audio so that no sound file is loaded.
let context = null;

function audioContext() {
  context ??= new AudioContext();
  if (context.state === 'suspended') context.resume().catch(() => {});
  return context;
}

/// Browsers only let audio start after a user gesture; call this from one (opening the chat).
export function unlockAudio() {
  try {
    audioContext();
  } catch {
    // no Web Audio: stay silent
  }
}

export function playChime() {
  try {
    const audio = audioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.12, 1320]]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.18, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.35);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.4);
    }
  } catch {
    // no Web Audio: stay silent
  }
}
