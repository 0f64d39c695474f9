import bcrypt from 'bcrypt';
import { z } from 'zod';

export const DEMO_PASSWORD = 'password123';
const COST = process.env.NODE_ENV === 'test' ? 4 : 10;

export const passwordSchema = z.string().min(8, 'at least 8 characters').max(200, 'at most 200 characters');

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const checkPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

// Compared against when the e-mail is unknown, so timing does not reveal which accounts exist.
export const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', COST);
