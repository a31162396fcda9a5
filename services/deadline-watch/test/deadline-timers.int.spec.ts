import { describeDeadlineTimers } from './timers-suite';

describeDeadlineTimers('postgres');
