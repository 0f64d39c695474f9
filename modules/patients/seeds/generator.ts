/**
 * Realistic demo patients from a seeded pseudo-random generator: the same seed gives the same
 * people, so demo data and benchmarks are repeatable.
 */
const GIVEN_F = ['Amina', 'Grace', 'Fatima', 'Mary', 'Esther', 'Joy', 'Aisha', 'Sarah', 'Ruth', 'Mercy', 'Halima', 'Blessing', 'Zainab', 'Faith', 'Hope', 'Naomi', 'Rose', 'Agnes', 'Lucy', 'Ama', 'Nadia', 'Leila', 'Marie', 'Sophie', 'Chloe', 'Awa', 'Mariam', 'Khadija', 'Priya', 'Ana'];
const GIVEN_M = ['John', 'Ibrahim', 'Joseph', 'Samuel', 'David', 'Musa', 'Peter', 'Daniel', 'Emmanuel', 'Moses', 'Yusuf', 'James', 'Paul', 'Kwame', 'Ahmed', 'Omar', 'Tunde', 'Jean', 'Pierre', 'Luc', 'Ali', 'Hassan', 'Michael', 'George', 'Charles', 'Kofi', 'Raj', 'Carlos', 'Mamadou', 'Isaac'];
const FAMILY = ['Okafor', 'Mensah', 'Diallo', 'Mwangi', 'Abubakar', 'Kamau', 'Osei', 'Ndlovu', 'Banda', 'Mutua', 'Traore', 'Kone', 'Adeyemi', 'Otieno', 'Phiri', 'Moyo', 'Bello', 'Ochieng', 'Nkosi', 'Sow', 'Dubois', 'Martin', 'Bernard', 'Smith', 'Johnson', 'Hassan', 'Ali', 'Ibrahim', 'Mohamed', 'Kariuki', 'Wanjiru', 'Achieng', 'Asante', 'Boateng', 'Owusu', 'Camara', 'Toure', 'Sesay', 'Kargbo', 'Lungu'];
const CITIES = ['Riverside', 'Hilltop', 'Lakeview', 'Market Town', 'Greenfield', 'Northgate', 'Eastwood', 'Southbank'];
const STREETS = ['Market Road', 'Church Street', 'School Lane', 'Hospital Road', 'River Close', 'Mission Avenue', 'Station Road', 'Kings Way'];
const RELATIONS = ['mother', 'father', 'spouse', 'sister', 'brother', 'daughter', 'son', 'aunt', 'uncle'];
const BLOOD = ['O+', 'O+', 'O+', 'A+', 'A+', 'B+', 'B+', 'AB+', 'O-', 'A-', 'B-', 'AB-'];

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoPatient {
  givenName: string;
  familyName: string;
  middleName: string | null;
  sex: 'female' | 'male';
  birthDate: string;
  nationalId: string | null;
  phone: string;
  address: string;
  city: string;
  nextOfKinName: string;
  nextOfKinPhone: string;
  nextOfKinRelationship: string;
  bloodGroup: string | null;
  createdAt: Date;
}

export function* demoPatients(count: number, seed = 42): Generator<DemoPatient> {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const sex = r() < 0.54 ? 'female' : 'male';
    // Primary care sees many children and women of child-bearing age.
    const ageRoll = r();
    const age = ageRoll < 0.2 ? Math.floor(r() * 5) : ageRoll < 0.35 ? 5 + Math.floor(r() * 10) : ageRoll < 0.85 ? 15 + Math.floor(r() * 50) : 65 + Math.floor(r() * 30);
    const birth = new Date(now - (age * 365.25 + r() * 365) * 86400_000);
    const family = pick(FAMILY);
    yield {
      givenName: pick(sex === 'female' ? GIVEN_F : GIVEN_M),
      familyName: family,
      middleName: r() < 0.3 ? pick(sex === 'female' ? GIVEN_F : GIVEN_M) : null,
      sex,
      birthDate: birth.toISOString().slice(0, 10),
      nationalId: age >= 18 && r() < 0.7 ? `NID${String(seed).padStart(2, '0')}${String(i).padStart(8, '0')}` : null,
      phone: `+2547${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      address: `${1 + Math.floor(r() * 200)} ${pick(STREETS)}`,
      city: pick(CITIES),
      nextOfKinName: `${pick(r() < 0.5 ? GIVEN_F : GIVEN_M)} ${family}`,
      nextOfKinPhone: `+2547${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      nextOfKinRelationship: pick(RELATIONS),
      bloodGroup: r() < 0.4 ? pick(BLOOD) : null,
      createdAt: new Date(now - Math.floor(r() * 60) * 86400_000 - Math.floor(r() * 8 * 3600_000)),
    };
  }
}
