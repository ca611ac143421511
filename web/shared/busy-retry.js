// The hub answers `busy` (an ack's error, or HTTP 503 with Retry-After) when it refuses a request unseen because it
// is overloaded for the moment: asking again is then always safe. One policy for the widget and the portal.

const WAITS_MS = [250, 500, 1000, 2000, 4000];

/// Runs `attempt()` and, while `busyWait(result)` says the hub was busy (the wait it asked for in ms, 0 for none
/// given; null when it was not busy), runs it again after a jittered wait, a few times; returns the last result.
export async function retryWhileBusy(attempt, busyWait) {
  for (let tries = 0; ; tries += 1) {
    const result = await attempt();
    const asked = busyWait(result);
    if (asked === null || tries >= WAITS_MS.length) return result;
    const wait = Math.max(asked, WAITS_MS[tries]);
    await new Promise((resolve) => setTimeout(resolve, wait + (Math.random() * wait) / 2));
  }
}

/// For fetch: the wait a 503 `Retry-After` asks for, or null for any other answer.
export function busyResponseWait(response) {
  if (response.status !== 503) return null;
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}
