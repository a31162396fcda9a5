import { describeServiceProcess } from '@civic/testing';

describeServiceProcess('routing');
