// Loaded before every test file. When scripts/test-dates.sh moved the test processes' clock, this checks that
// the move took effect, so that a date run whose shift silently failed cannot pass as a proof.
const shifted = process.env.TEST_SHIFTED_CLOCK;
if (shifted) {
  const expected = new Date(shifted).getTime();
  const drift = Date.now() - expected;
  // The run takes minutes; a day of slack still tells a moved clock from the real one (years apart).
  if (Number.isNaN(expected) || drift < 0 || drift > 86_400_000) {
    throw new Error(`TEST_SHIFTED_CLOCK is ${shifted} but this process reads ${new Date().toISOString()}: libfaketime is not in effect`);
  }
}
