// Runtime half of weapp-aria.js: the same attributes, merged into the runtime's component table.
import { mergeInternalComponents } from '@tarojs/shared';
import ARIA from './weapp-aria-attrs.json';

mergeInternalComponents(ARIA);
