/**
 * The default tariff (minor units of the configured currency). Codes are stable keys: other
 * modules charge by them (CONSULT-<clinic>, LAB-, IMG-, DENT-, PROC-, DRUG- codes matching the
 * pharmacy formulary).
 */
export interface TariffItem {
  code: string;
  description: string;
  department: string;
  category: 'consultation' | 'laboratory' | 'imaging' | 'drug' | 'procedure' | 'dental' | 'other';
  unitPrice: number;
  payerPrices?: Record<string, number>;
}

const consult = (clinic: string, name: string, price: number, nhif?: number): TariffItem => ({
  code: `CONSULT-${clinic}`, description: `Consultation - ${name}`, department: 'Outpatient', category: 'consultation', unitPrice: price, ...(nhif ? { payerPrices: { NHIF: nhif } } : {}),
});
const lab = (code: string, description: string, unitPrice: number): TariffItem => ({ code: `LAB-${code}`, description, department: 'Laboratory', category: 'laboratory', unitPrice });
const img = (code: string, description: string, unitPrice: number): TariffItem => ({ code: `IMG-${code}`, description, department: 'Imaging', category: 'imaging', unitPrice });
const dent = (code: string, description: string, unitPrice: number): TariffItem => ({ code: `DENT-${code}`, description, department: 'Dental', category: 'dental', unitPrice });
const proc = (code: string, description: string, unitPrice: number): TariffItem => ({ code: `PROC-${code}`, description, department: 'Outpatient', category: 'procedure', unitPrice });
/** Drugs are priced per dispensed unit (tablet, capsule, vial, sachet, inhaler). */
const drug = (code: string, description: string, unitPrice: number): TariffItem => ({ code: `DRUG-${code}`, description, department: 'Pharmacy', category: 'drug', unitPrice });

export const TARIFF: TariffItem[] = [
  consult('GOPD', 'General outpatient', 1500, 1200),
  consult('MCH', 'Maternal and child health', 1000, 800),
  consult('ANC', 'Antenatal care', 800, 800),
  consult('DENTAL', 'Dental clinic', 2000, 1600),
  consult('EYE', 'Eye clinic', 2000),
  consult('NCD', 'Chronic diseases (diabetes, hypertension)', 1500, 1200),
  consult('FOLLOWUP', 'Follow-up visit', 800),
  consult('EMERG', 'Emergency', 3000),
  lab('FBC', 'Full blood count', 1200),
  lab('HB', 'Haemoglobin', 300),
  lab('MRDT', 'Malaria rapid diagnostic test', 400),
  lab('BSMP', 'Blood smear for malaria parasites', 500),
  lab('URINALYSIS', 'Urinalysis (dipstick and microscopy)', 500),
  lab('RBS', 'Random blood glucose', 300),
  lab('HBA1C', 'Glycated haemoglobin (HbA1c)', 2500),
  lab('HIV', 'HIV rapid test', 0),
  lab('VDRL', 'Syphilis serology (VDRL/RPR)', 500),
  lab('UPT', 'Urine pregnancy test', 300),
  lab('CREAT', 'Serum creatinine', 900),
  lab('LFT', 'Liver function tests', 2500),
  lab('LIPID', 'Lipid profile', 2500),
  lab('CRP', 'C-reactive protein', 1200),
  lab('STOOL', 'Stool microscopy', 500),
  lab('GENEXPERT', 'TB GeneXpert MTB/RIF', 0),
  img('XR-CHEST', 'X-ray chest (PA)', 3500),
  img('XR-LIMB', 'X-ray limb (two views)', 3000),
  img('US-ABD', 'Ultrasound abdomen', 4500),
  img('US-OBS', 'Ultrasound obstetric', 4000),
  img('ECG', 'Electrocardiogram (12-lead)', 2500),
  dent('EXTRACT', 'Tooth extraction (simple)', 2500),
  dent('FILLING', 'Filling (composite, one surface)', 4000),
  dent('SCALING', 'Scaling and polishing', 3500),
  dent('XR-PA', 'Dental X-ray (periapical)', 1500),
  proc('DRESSING', 'Wound dressing', 500),
  proc('SUTURE', 'Suturing of a wound', 2000),
  proc('CANNULA', 'Intravenous cannulation', 600),
  proc('INJECTION', 'Injection (IM/IV) administration', 200),
  proc('NEBULISE', 'Nebulisation', 800),
  proc('IUD', 'IUD insertion', 2500),
  drug('AMOX-500', 'Amoxicillin 500 mg capsule', 10),
  drug('AMOXCLAV-625', 'Amoxicillin/clavulanic acid 625 mg tablet', 45),
  drug('PENV-250', 'Phenoxymethylpenicillin 250 mg tablet', 8),
  drug('BPG-2.4', 'Benzathine benzylpenicillin 2.4 MU injection', 250),
  drug('CEFTRI-1G', 'Ceftriaxone 1 g injection', 180),
  drug('SMXTMP-960', 'Sulfamethoxazole/trimethoprim 800/160 mg tablet', 6),
  drug('CIPRO-500', 'Ciprofloxacin 500 mg tablet', 12),
  drug('DOXY-100', 'Doxycycline 100 mg capsule', 8),
  drug('METRO-400', 'Metronidazole 400 mg tablet', 5),
  drug('AZI-500', 'Azithromycin 500 mg tablet', 40),
  drug('CLARI-500', 'Clarithromycin 500 mg tablet', 60),
  drug('GENTA-80', 'Gentamicin 80 mg/2 ml injection', 60),
  drug('PARA-500', 'Paracetamol 500 mg tablet', 2),
  drug('IBU-400', 'Ibuprofen 400 mg tablet', 4),
  drug('DICLO-50', 'Diclofenac 50 mg tablet', 4),
  drug('ASA-75', 'Acetylsalicylic acid 75 mg tablet', 2),
  drug('AL-20/120', 'Artemether/lumefantrine 20/120 mg tablet', 25),
  drug('METF-500', 'Metformin 500 mg tablet', 4),
  drug('GLIB-5', 'Glibenclamide 5 mg tablet', 3),
  drug('AMLO-5', 'Amlodipine 5 mg tablet', 5),
  drug('ENAL-10', 'Enalapril 10 mg tablet', 5),
  drug('HCTZ-25', 'Hydrochlorothiazide 25 mg tablet', 3),
  drug('FUROS-40', 'Furosemide 40 mg tablet', 3),
  drug('SPIRO-25', 'Spironolactone 25 mg tablet', 8),
  drug('SIMVA-20', 'Simvastatin 20 mg tablet', 6),
  drug('ATOR-20', 'Atorvastatin 20 mg tablet', 10),
  drug('WARF-5', 'Warfarin 5 mg tablet', 6),
  drug('OMEP-20', 'Omeprazole 20 mg capsule', 5),
  drug('SALB-INH', 'Salbutamol 100 micrograms/dose inhaler', 350),
  drug('PRED-5', 'Prednisolone 5 mg tablet', 3),
  drug('FEFOL', 'Ferrous sulfate/folic acid 200/0.4 mg tablet', 2),
  drug('ORS', 'Oral rehydration salts sachet', 15),
  drug('ZINC-20', 'Zinc sulfate 20 mg dispersible tablet', 4),
  drug('FLUCO-150', 'Fluconazole 150 mg capsule', 20),
  drug('MORPH-10', 'Morphine 10 mg tablet', 30),
  drug('TRAM-50', 'Tramadol 50 mg capsule', 10),
  drug('DIAZ-5', 'Diazepam 5 mg tablet', 3),
  drug('CBZ-200', 'Carbamazepine 200 mg tablet', 6),
  drug('OXYTO-10', 'Oxytocin 10 IU injection', 90),
  drug('TLD', 'Tenofovir/lamivudine/dolutegravir 300/300/50 mg tablet', 0),
  drug('RHZE', 'Rifampicin/isoniazid/pyrazinamide/ethambutol 150/75/400/275 mg tablet', 0),
  drug('COC', 'Levonorgestrel/ethinylestradiol 150/30 micrograms tablet', 3),
];
