import { describeServiceProcess } from '@civic/testing';

describeServiceProcess('intake');
