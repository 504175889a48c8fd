/**
 * Keeps a session alive while someone is typing: writing a 500-word piece can take longer than
 * the idle timeout without a single request. Every `everyMs`, if there was input since the last
 * tick, `ping` (which touches the session) is called; an unattended tab still times out.
 */
export function keepAliveWhileTyping(ping: () => Promise<unknown>, everyMs = 120_000): () => void {
  let typed = false;
  const onInput = () => {
    typed = true;
  };
  document.addEventListener('input', onInput, true);
  const timer = setInterval(() => {
    if (!typed) return;
    typed = false;
    ping().catch(() => undefined);
  }, everyMs);
  return () => {
    document.removeEventListener('input', onInput, true);
    clearInterval(timer);
  };
}
