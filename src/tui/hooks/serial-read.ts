// A shared hotel's history is read again after each save that arrives; a read takes a while
// and saves come in bursts. One read at a time: a request while one runs makes one more read
// after it (the latest), never a pile of them.
export interface SerialReader {
  run(read: () => Promise<unknown>): void;
}

export function serialReader(): SerialReader {
  let busy = false;
  let next: (() => Promise<unknown>) | undefined;
  const run = (read: () => Promise<unknown>): void => {
    if (busy) {
      next = read;
      return;
    }
    busy = true;
    // the reads say their own failures; this only orders them
    void read()
      .catch(() => {})
      .finally(() => {
        busy = false;
        const again = next;
        next = undefined;
        if (again) run(again);
      });
  };
  return { run };
}
