import { describeServiceProcess } from '@civic/testing';

describeServiceProcess('notification');
