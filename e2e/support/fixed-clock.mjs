// Preloaded into a server process a test starts (`node --import`), never into production: the
// process's clock reads PROMISE_TEST_CLOCK (an ISO instant) at start and runs on from there, so a
// test can say what time it is for the code under test ("15:00 on a Thursday in London").
const start = Date.parse(process.env.PROMISE_TEST_CLOCK ?? '');
if (Number.isNaN(start)) {
  throw new Error('fixed-clock.mjs: set PROMISE_TEST_CLOCK to an ISO 8601 instant');
}
const RealDate = Date;
const offset = start - RealDate.now();

class TestDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }

  static now() {
    return RealDate.now() + offset;
  }
}

globalThis.Date = TestDate;
