import { staffContract } from '../../shared/contracts/staff';
import { createFunction } from '../_lib/handler';
import { accountHandlers } from './accounts';
import { placeHandlers } from './places';

export const main = createFunction('staff', staffContract, {
  ...accountHandlers,
  ...placeHandlers,
});
