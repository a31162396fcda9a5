import { describeServiceProcess } from '@civic/testing';

describeServiceProcess('analytics');
