import { describeServiceProcess } from '@civic/testing';

describeServiceProcess('deadline-watch');
