/** Fictional sample data. Every address is under example.org, so a draft can never reach anyone. */
export const SAMPLE_AGENCIES = [
  { name: 'River City Outreach', domain: 'rivercity.example.org', phone: '(916) 555-0101', address: '1200 River Walk Way, Sacramento, CA 95814' },
  { name: 'Capitol Family Shelter', domain: 'capitolfamily.example.org', phone: '(916) 555-0102', address: '48 Capitol Mall, Sacramento, CA 95814' },
  { name: 'Northgate Housing Partners', domain: 'northgate.example.org', phone: '(916) 555-0103', address: '2300 Northgate Blvd, Sacramento, CA 95833' },
  { name: 'Delta Recovery Services', domain: 'deltarecovery.example.org', phone: '(916) 555-0104', address: '77 Delta Shores Cir, Sacramento, CA 95832' },
  { name: 'Midtown Youth Center', domain: 'midtownyouth.example.org', phone: '(916) 555-0105', address: '1919 J Street, Sacramento, CA 95811' },
  { name: 'American River Veterans Housing', domain: 'arvets.example.org', phone: '(916) 555-0106', address: '900 Veterans Way, Rancho Cordova, CA 95670' },
  { name: 'Oak Park Community Health', domain: 'oakparkhealth.example.org', phone: '(916) 555-0107', address: '3415 MLK Jr Blvd, Sacramento, CA 95817' },
  { name: 'Valley Hope Navigation', domain: 'valleyhope.example.org', phone: '(916) 555-0108', address: '620 Stockton Blvd, Sacramento, CA 95820' },
  { name: 'Sunrise Supportive Housing', domain: 'sunrisesh.example.org', phone: '(916) 555-0109', address: '7000 Sunrise Blvd, Citrus Heights, CA 95610' },
  { name: 'Franklin Boulevard Resource Center', domain: 'franklinrc.example.org', phone: '(916) 555-0110', address: '5600 Franklin Blvd, Sacramento, CA 95824' },
  { name: 'Sierra Legal Aid', domain: 'sierralegal.example.org', phone: '(916) 555-0111', address: '515 L Street, Sacramento, CA 95814' },
  { name: 'County Behavioral Health — Homeless Services', domain: 'cbh.example.org', phone: '(916) 555-0112', address: '7001 East Pkwy, Sacramento, CA 95823' },
] as const;

export const FIRST_NAMES = [
  'Maria', 'James', 'Aaliyah', 'Nguyen', 'Jose', 'Emily', 'DeShawn', 'Sofia', 'Michael', 'Priya', 'Luis', 'Hannah',
  'Tyrone', 'Mei', 'Daniel', 'Fatima', 'Kevin', 'Rosa', 'Andre', 'Olivia', 'Samuel', 'Isabella', 'Marcus', 'Leila',
  'Christopher', 'Ana', 'Jamal', 'Grace', 'Diego', 'Kimberly', 'Hector', 'Zoë', 'Patrick', 'Yesenia', 'Brandon',
  'Mónica', 'Raymond', 'Tamika', 'Victor', 'Lauren', 'Omar', 'Jasmine', 'Gabriel', 'Renée', 'Terrence', 'Lucia',
  'Anthony', 'Keisha', 'Jonathan', 'Xochitl', 'Eric', 'Natalie', 'Bao', 'Alicia', 'Rafael', 'Megan', 'Khalid', 'Chloé',
];

export const LAST_NAMES = [
  'Garcia', 'Johnson', 'Nguyen', 'Martinez', 'Smith', 'Williams', 'Hernandez', 'Brown', 'Lopez', 'Lee', 'Gonzalez',
  'Davis', 'Rodriguez', 'Patel', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Tran',
  'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young',
  'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Pham', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker',
  'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Vang', 'Khan', 'Okafor', 'Müller', 'Ortiz',
  'Singh', 'Chávez', 'Kim', 'Yamamoto', "O'Brien", 'Fernández', 'Lo', 'Her', 'Abdullah', 'Petrov', 'Haddad',
];
