import { describeDeadlineTimers } from './timers-suite';

// The MongoDB timer store, as a deployment on EventStoreDB and MongoDB runs it (here on FerretDB).
describeDeadlineTimers('mongodb');
