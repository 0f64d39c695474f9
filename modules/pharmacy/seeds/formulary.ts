/**
 * The default formulary: essential medicines for primary care (WHO EML) with their ATC codes,
 * allergy classes and tariff codes (billing's DRUG- codes, which are also inventory item codes).
 */
export interface FormularyDrug {
  genericName: string;
  strength: string;
  strengthValue?: number;
  strengthUnit?: string;
  form: string;
  route: string;
  dispenseUnit: string;
  atcCode: string;
  allergyClass?: string;
  controlled?: boolean;
  priceCode: string;
}

const d = (genericName: string, strength: string, form: string, route: string, dispenseUnit: string, atcCode: string, priceCode: string, extra: Partial<FormularyDrug> = {}): FormularyDrug => {
  const m = /^([\d.]+)\s*(mg|g|micrograms|IU|MU)$/.exec(strength);
  return { genericName, strength, form, route, dispenseUnit, atcCode, priceCode: `DRUG-${priceCode}`, ...(m ? { strengthValue: Number(m[1]), strengthUnit: m[2] } : {}), ...extra };
};

export const FORMULARY: FormularyDrug[] = [
  d('Amoxicillin', '500 mg', 'capsule', 'oral', 'capsule', 'J01CA04', 'AMOX-500', { allergyClass: 'penicillins' }),
  d('Amoxicillin/clavulanic acid', '625 mg', 'tablet', 'oral', 'tablet', 'J01CR02', 'AMOXCLAV-625', { allergyClass: 'penicillins' }),
  d('Phenoxymethylpenicillin', '250 mg', 'tablet', 'oral', 'tablet', 'J01CE02', 'PENV-250', { allergyClass: 'penicillins' }),
  d('Benzathine benzylpenicillin', '2.4 MU', 'powder for injection', 'im', 'vial', 'J01CE08', 'BPG-2.4', { allergyClass: 'penicillins' }),
  d('Ceftriaxone', '1 g', 'powder for injection', 'iv', 'vial', 'J01DD04', 'CEFTRI-1G', { allergyClass: 'cephalosporins' }),
  d('Sulfamethoxazole/trimethoprim', '960 mg', 'tablet', 'oral', 'tablet', 'J01EE01', 'SMXTMP-960', { allergyClass: 'sulfonamides' }),
  d('Ciprofloxacin', '500 mg', 'tablet', 'oral', 'tablet', 'J01MA02', 'CIPRO-500', { allergyClass: 'fluoroquinolones' }),
  d('Doxycycline', '100 mg', 'capsule', 'oral', 'capsule', 'J01AA02', 'DOXY-100', { allergyClass: 'tetracyclines' }),
  d('Metronidazole', '400 mg', 'tablet', 'oral', 'tablet', 'P01AB01', 'METRO-400'),
  d('Azithromycin', '500 mg', 'tablet', 'oral', 'tablet', 'J01FA10', 'AZI-500', { allergyClass: 'macrolides' }),
  d('Clarithromycin', '500 mg', 'tablet', 'oral', 'tablet', 'J01FA09', 'CLARI-500', { allergyClass: 'macrolides' }),
  d('Gentamicin', '80 mg', 'injection 40 mg/ml', 'im', 'ampoule', 'J01GB03', 'GENTA-80', { allergyClass: 'aminoglycosides' }),
  d('Paracetamol', '500 mg', 'tablet', 'oral', 'tablet', 'N02BE01', 'PARA-500'),
  d('Ibuprofen', '400 mg', 'tablet', 'oral', 'tablet', 'M01AE01', 'IBU-400', { allergyClass: 'nsaids' }),
  d('Diclofenac', '50 mg', 'tablet', 'oral', 'tablet', 'M01AB05', 'DICLO-50', { allergyClass: 'nsaids' }),
  d('Acetylsalicylic acid', '75 mg', 'tablet', 'oral', 'tablet', 'B01AC06', 'ASA-75', { allergyClass: 'nsaids' }),
  d('Artemether/lumefantrine', '20/120 mg', 'tablet', 'oral', 'tablet', 'P01BF01', 'AL-20/120'),
  d('Metformin', '500 mg', 'tablet', 'oral', 'tablet', 'A10BA02', 'METF-500'),
  d('Glibenclamide', '5 mg', 'tablet', 'oral', 'tablet', 'A10BB01', 'GLIB-5', { allergyClass: 'sulfonylureas' }),
  d('Amlodipine', '5 mg', 'tablet', 'oral', 'tablet', 'C08CA01', 'AMLO-5'),
  d('Enalapril', '10 mg', 'tablet', 'oral', 'tablet', 'C09AA02', 'ENAL-10', { allergyClass: 'ace-inhibitors' }),
  d('Hydrochlorothiazide', '25 mg', 'tablet', 'oral', 'tablet', 'C03AA03', 'HCTZ-25', { allergyClass: 'thiazides' }),
  d('Furosemide', '40 mg', 'tablet', 'oral', 'tablet', 'C03CA01', 'FUROS-40'),
  d('Spironolactone', '25 mg', 'tablet', 'oral', 'tablet', 'C03DA01', 'SPIRO-25'),
  d('Simvastatin', '20 mg', 'tablet', 'oral', 'tablet', 'C10AA01', 'SIMVA-20', { allergyClass: 'statins' }),
  d('Atorvastatin', '20 mg', 'tablet', 'oral', 'tablet', 'C10AA05', 'ATOR-20', { allergyClass: 'statins' }),
  d('Warfarin', '5 mg', 'tablet', 'oral', 'tablet', 'B01AA03', 'WARF-5'),
  d('Omeprazole', '20 mg', 'capsule', 'oral', 'capsule', 'A02BC01', 'OMEP-20'),
  d('Salbutamol', '100 micrograms', 'metered-dose inhaler', 'inhaled', 'inhaler', 'R03AC02', 'SALB-INH'),
  d('Prednisolone', '5 mg', 'tablet', 'oral', 'tablet', 'H02AB06', 'PRED-5'),
  d('Ferrous sulfate/folic acid', '200/0.4 mg', 'tablet', 'oral', 'tablet', 'B03AD03', 'FEFOL'),
  d('Oral rehydration salts', '20.5 g', 'powder sachet', 'oral', 'sachet', 'A07CA', 'ORS'),
  d('Zinc sulfate', '20 mg', 'dispersible tablet', 'oral', 'tablet', 'A12CB01', 'ZINC-20'),
  d('Fluconazole', '150 mg', 'capsule', 'oral', 'capsule', 'J02AC01', 'FLUCO-150', { allergyClass: 'azoles' }),
  d('Morphine', '10 mg', 'tablet', 'oral', 'tablet', 'N02AA01', 'MORPH-10', { allergyClass: 'opioids', controlled: true }),
  d('Tramadol', '50 mg', 'capsule', 'oral', 'capsule', 'N02AX02', 'TRAM-50', { allergyClass: 'opioids', controlled: true }),
  d('Diazepam', '5 mg', 'tablet', 'oral', 'tablet', 'N05BA01', 'DIAZ-5', { allergyClass: 'benzodiazepines', controlled: true }),
  d('Carbamazepine', '200 mg', 'tablet', 'oral', 'tablet', 'N03AF01', 'CBZ-200'),
  d('Oxytocin', '10 IU', 'injection', 'im', 'ampoule', 'H01BB02', 'OXYTO-10'),
  d('Tenofovir/lamivudine/dolutegravir', '300/300/50 mg', 'tablet', 'oral', 'tablet', 'J05AR27', 'TLD'),
  d('Rifampicin/isoniazid/pyrazinamide/ethambutol', '150/75/400/275 mg', 'tablet', 'oral', 'tablet', 'J04AM06', 'RHZE'),
  d('Levonorgestrel/ethinylestradiol', '150/30 micrograms', 'tablet', 'oral', 'tablet', 'G03AA07', 'COC'),
];

/** Well-known interactions between ATC codes or groups (a prefix stands for the whole group). */
export const INTERACTIONS = [
  { atcA: 'B01AA03', labelA: 'warfarin', atcB: 'M01A', labelB: 'NSAIDs', severity: 'major', effect: 'Bleeding risk rises (antiplatelet effect and gastric erosion on top of anticoagulation).', advice: 'Avoid; use paracetamol for pain. If unavoidable, add a PPI and check the INR.' },
  { atcA: 'B01AA03', labelA: 'warfarin', atcB: 'B01AC06', labelB: 'aspirin', severity: 'major', effect: 'Additive bleeding risk.', advice: 'Only with a clear indication (e.g. mechanical valve); monitor closely.' },
  { atcA: 'B01AA03', labelA: 'warfarin', atcB: 'P01AB01', labelB: 'metronidazole', severity: 'major', effect: 'Metronidazole inhibits warfarin metabolism: INR rises sharply.', advice: 'Avoid, or reduce the warfarin dose by about a third and check the INR within 3-5 days.' },
  { atcA: 'B01AA03', labelA: 'warfarin', atcB: 'J01EE01', labelB: 'co-trimoxazole', severity: 'major', effect: 'INR rises; bleeding reported.', advice: 'Choose another antibiotic or monitor the INR closely.' },
  { atcA: 'B01AA03', labelA: 'warfarin', atcB: 'J02AC01', labelB: 'fluconazole', severity: 'major', effect: 'CYP2C9 inhibition: INR rises.', advice: 'Avoid, or check the INR and reduce the warfarin dose.' },
  { atcA: 'B01AA03', labelA: 'warfarin', atcB: 'J01MA', labelB: 'fluoroquinolones', severity: 'moderate', effect: 'INR may rise.', advice: 'Check the INR during and after the course.' },
  { atcA: 'B01AA03', labelA: 'warfarin', atcB: 'J04AM', labelB: 'rifampicin combinations', severity: 'major', effect: 'Rifampicin induces warfarin metabolism: anticoagulation fails.', advice: 'Expect large dose increases; monitor the INR twice weekly.' },
  { atcA: 'C10AA01', labelA: 'simvastatin', atcB: 'J01FA09', labelB: 'clarithromycin', severity: 'contraindicated', effect: 'CYP3A4 inhibition: myopathy and rhabdomyolysis.', advice: 'Stop simvastatin during the course, or use azithromycin.' },
  { atcA: 'C09AA', labelA: 'ACE inhibitors', atcB: 'C03DA01', labelB: 'spironolactone', severity: 'major', effect: 'Hyperkalaemia.', advice: 'Check potassium and renal function within a week; avoid in renal impairment.' },
  { atcA: 'C09AA', labelA: 'ACE inhibitors', atcB: 'M01A', labelB: 'NSAIDs', severity: 'moderate', effect: 'Less blood-pressure control; risk of acute kidney injury.', advice: 'Prefer paracetamol; if needed, short course and check creatinine.' },
  { atcA: 'N02A', labelA: 'opioids', atcB: 'N05BA', labelB: 'benzodiazepines', severity: 'major', effect: 'Profound sedation and respiratory depression.', advice: 'Avoid the combination; if unavoidable, lowest doses and monitoring.' },
  { atcA: 'J04AM', labelA: 'rifampicin combinations', atcB: 'J05AR27', labelB: 'tenofovir/lamivudine/dolutegravir', severity: 'moderate', effect: 'Rifampicin lowers dolutegravir levels.', advice: 'Give an extra 50 mg dolutegravir 12 hours after TLD during TB treatment and two weeks after.' },
  { atcA: 'J04AM', labelA: 'rifampicin combinations', atcB: 'G03AA', labelB: 'combined oral contraceptives', severity: 'major', effect: 'Contraceptive failure.', advice: 'Use a non-hormonal method or a depot injection during and 4 weeks after rifampicin.' },
  { atcA: 'N03AF01', labelA: 'carbamazepine', atcB: 'G03AA', labelB: 'combined oral contraceptives', severity: 'major', effect: 'Enzyme induction: contraceptive failure.', advice: 'Use an IUD or a depot injection.' },
  { atcA: 'M01A', labelA: 'NSAIDs', atcB: 'B01AC06', labelB: 'low-dose aspirin', severity: 'moderate', effect: 'Ibuprofen blocks the antiplatelet effect of aspirin; more GI bleeding.', advice: 'Give aspirin 30 minutes before ibuprofen or use paracetamol.' },
  { atcA: 'J01MA', labelA: 'fluoroquinolones', atcB: 'A12CB01', labelB: 'zinc', severity: 'moderate', effect: 'Chelation: less ciprofloxacin absorbed.', advice: 'Take ciprofloxacin 2 hours before or 6 hours after zinc.' },
  { atcA: 'J01MA', labelA: 'fluoroquinolones', atcB: 'B03A', labelB: 'iron', severity: 'moderate', effect: 'Chelation: less ciprofloxacin absorbed.', advice: 'Take ciprofloxacin 2 hours before or 6 hours after iron.' },
  { atcA: 'C03CA01', labelA: 'furosemide', atcB: 'J01GB03', labelB: 'gentamicin', severity: 'moderate', effect: 'Additive ototoxicity and nephrotoxicity.', advice: 'Monitor renal function and hearing; avoid high doses together.' },
  { atcA: 'A10BB01', labelA: 'glibenclamide', atcB: 'J01EE01', labelB: 'co-trimoxazole', severity: 'moderate', effect: 'Hypoglycaemia.', advice: 'Warn the patient; check blood glucose.' },
];
