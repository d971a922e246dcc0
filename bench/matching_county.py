"""A synthetic county harder than the seeder's, for judging "is this child known?".

Twelve heritage groups with their own naming customs (Pakistani and Bangladeshi children
called by a second forename after Mohammed, Sikh children with Kaur or Singh as a middle name
or a surname, Polish and Vietnamese letters outside ASCII, Irish spellings, Yoruba and Igbo
names, double-barrelled British surnames), twins and triplets (their names often sound
alike), step-families where a child took the step-parent's surname, cousins of one surname
in other households, unborn babies, and second records of some children taken down by other
agencies. Some children are planned but not recorded: their twin, sibling or cousin is, so
queries for them test that the wrong child is not named.

`build(context, children)` writes the county through the seeder's own writer and returns the
truth: which record is which child, and the queries with their right answers by category.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from teamaround.people.seeding.county import _postcodes
from teamaround.people.seeding.households import PlannedHousehold, PlannedMember, PlannedPerson
from teamaround.people.seeding.writer import CountyWriter

# name lists: (weight, male forenames, female forenames, surnames, spelling variants)
GROUPS = {
    "white_british": (
        52,
        "Oliver George Harry Jack Noah Charlie Jacob Alfie Freddie Oscar Leo Archie Henry Thomas "
        "William James Joshua Logan Ethan Mason Lucas Max Harvey Jayden Riley Lewis Tyler Callum",
        "Olivia Amelia Isla Ava Emily Sophia Grace Mia Poppy Ella Lily Evie Isabella Sophie Ivy "
        "Freya Millie Daisy Phoebe Florence Ruby Alice Jessica Chloe Holly Maisie Katie Mollie",
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans "
        "Walker White Roberts Green Hall Wood Jackson Clarke Harris Lewis Turner Hill Cooper Ward "
        "Morris King Baker Watson Bennett Cole Ashworth Whitmore Pemberton Fairclough Oyelaran",
        {},
    ),
    "irish": (
        4,
        "Sean Ciaran Oisin Cian Padraig Eoin Tadhg Darragh Conor Liam",
        "Niamh Siobhan Aoife Caoimhe Saoirse Roisin Orla Ciara Aisling Sinead",
        "Murphy Kelly OBrien Byrne Ryan OSullivan Walsh McCarthy Doyle Gallagher",
        {"Sean": ["Shaun", "Shawn"], "Niamh": ["Neve", "Neeve"], "Ciaran": ["Kieran"]},
    ),
    "polish": (
        5,
        "Jakub Kacper Szymon Filip Mikołaj Wojciech Łukasz Paweł Tomasz Piotr",
        "Zuzanna Julia Zofia Maja Lena Wiktoria Alicja Łucja Małgorzata Agnieszka",
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański",
        {"Nowak": ["Novak"], "Wojcik": ["Voytsik"], "Jakub": ["Jacub"], "Wiktoria": ["Viktoria"]},
    ),
    "romanian": (
        3,
        "Andrei Mihai Alexandru Ionut Stefan Gabriel Darius Matei Cristian Vlad",
        "Maria Ioana Elena Andreea Alexandra Bianca Daria Irina Sofia Ana",
        "Popescu Ionescu Popa Dumitru Stan Stoica Gheorghe Rusu Munteanu Matei",
        {"Andrei": ["Andrey"], "Mihai": ["Mihail"]},
    ),
    "lithuanian": (
        2,
        "Lukas Matas Jonas Dominykas Nojus Kajus Herkus Domantas",
        "Emilija Sofija Ugne Gabija Liepa Austeja Kamile Ieva",
        "Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas Butkus",
        {},
    ),
    "pakistani": (
        8,
        "Mohammed Ayaan Hamza Ibrahim Yusuf Zain Ali Hassan Hussain Omar Usman Rayyan Abdullah",
        "Aisha Fatima Maryam Zainab Khadija Hafsa Safiya Amina Inaya Zara Noor Hania Sumaya",
        "Khan Ahmed Hussain Ali Iqbal Akhtar Mahmood Shah Qureshi Butt Malik Rehman Siddiqui",
        {
            "Mohammed": ["Muhammad", "Mohammad", "Mohamed"],
            "Aisha": ["Ayesha", "Aysha"],
            "Khadija": ["Khadijah"],
            "Hamza": ["Hamzah"],
            "Yusuf": ["Yousuf", "Yousef"],
            "Hussain": ["Husain", "Hussein"],
            "Zainab": ["Zaynab"],
            "Siddiqui": ["Siddiqi"],
            "Rehman": ["Rahman"],
        },
    ),
    "bangladeshi": (
        4,
        "Mohammed Rayan Ayaan Arham Ahmed Ishaq Zakariya Abdul Tahmid Raiyan",
        "Fatima Aisha Maryam Sumaiya Tasnim Nusrat Inaya Ayesha Jannat Ruqayyah",
        "Begum Uddin Miah Islam Rahman Ahmed Hussain Chowdhury Hoque Ali",
        {"Chowdhury": ["Choudhury", "Chaudhry"], "Uddin": ["Udin"], "Miah": ["Mia"]},
    ),
    "sikh": (
        3,
        "Arjun Gurpreet Harjot Jaskaran Manveer Simranjit Amrit Harpreet",
        "Simran Harleen Jasleen Gurleen Navneet Manpreet Amrit Harpreet",
        "Sandhu Gill Dhillon Sidhu Grewal Bains Johal Atwal",
        {"Gurpreet": ["Gurprit"], "Harpreet": ["Harprit"], "Sandhu": ["Sandu"]},
    ),
    "gujarati": (
        3,
        "Aarav Rohan Dev Krish Arjun Rahul Vihaan Neel Jay Om",
        "Priya Anaya Diya Isha Kavya Riya Saanvi Aanya Mira Tara",
        "Patel Shah Mistry Parmar Solanki Chauhan Desai Joshi Mehta Lad",
        {"Priya": ["Preya"], "Rahul": ["Raahul"]},
    ),
    "nigerian": (
        5,
        "Oluwaseun Chukwuemeka Adebayo Tobi David Daniel Samuel Emmanuel Olumide Chidi Tunde",
        "Oluwadamilola Chidinma Nkechi Adaeze Favour Blessing Precious Temitope Ifeoma Amara",
        "Okafor Adeyemi Okonkwo Adebayo Eze Okoro Balogun Olawale Nwosu Ogunleye Obi",
        {"Chukwuemeka": ["Chukuemeka"], "Nkechi": ["Nkeche"]},
    ),
    "chinese": (
        2,
        "Wei Jun Hao Yi Ming Jie Chen Kai",
        "Mei Xin Yan Ling Hui Jing Yu Lan",
        "Li Wang Zhang Liu Chen Huang Zhou Xu",
        {"Li": ["Lee"], "Zhou": ["Chou"], "Xu": ["Hsu"], "Zhang": ["Cheung"]},
    ),
    "vietnamese": (
        2,
        "Minh Anh Duc Huy Khoa Long Nam Quang",
        "Linh Lan Mai Ngoc Thao Trang Vy Hoa",
        "Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng",
        {},
    ),
}
NICKNAMES = {
    "William": "Billy",
    "Thomas": "Tom",
    "James": "Jamie",
    "Joshua": "Josh",
    "Alfie": "Alfred",
    "Freddie": "Fred",
    "Charlie": "Charles",
    "Elizabeth": "Lizzie",
    "Isabella": "Bella",
    "Jessica": "Jess",
    "Florence": "Flo",
    "Olivia": "Liv",
    "Katie": "Kate",
    "Samuel": "Sam",
    "Daniel": "Danny",
    "Alexandru": "Alex",
    "Alexandra": "Alex",
    "Oluwaseun": "Seun",
    "Chukwuemeka": "Emeka",
    "Oluwadamilola": "Dami",
}
PRESENT = [
    "typo",
    "common_name",
    "transliteration",
    "diacritics",
    "double_barrelled",
    "surname_change",
    "first_or_middle",
    "nickname",
    "swapped",
    "dob_error",
    "age_only",
    "unborn",
    "moved",
    "missing_postcode",
    "partial",
    "twin_recorded",
    "second_record",
]
ABSENT = ["absent_twin", "absent_sibling", "absent_cousin", "absent_namesake"]


@dataclass
class Child:
    person: PlannedPerson
    group: str
    postcode: str
    recorded: bool = True
    twins: list = field(default_factory=list)
    previous_surname: str = ""
    middle_used: bool = False


@dataclass
class Query:
    category: str
    answer: object  # person id of the right child, or None for an absent child
    forenames: str = ""
    surname: str = ""
    date_of_birth: date | None = None
    age: int | None = None
    postcode: str = ""


@dataclass
class Truth:
    children: int = 0
    same_child: dict = field(default_factory=dict)
    queries: list = field(default_factory=list)


class Planner:
    def __init__(self, rng: random.Random, postcodes, today: date):
        self.rng, self.postcodes, self.today, self.key = rng, postcodes, today, 0
        self.names = {
            name: (list(male.split()), list(female.split()), list(surnames.split()), variants)
            for name, (_, male, female, surnames, variants) in GROUPS.items()
        }
        self.weights = [weight for weight, *_ in GROUPS.values()]

    def person(self, forenames, surname, sex, born, *, child=True, unborn=False):
        self.key += 1
        return PlannedPerson(self.key, forenames, surname, sex, born, unborn, child)

    def forename(self, group, sex, avoid=()):
        male, female, _, _ = self.names[group]
        pool = [n for n in (female if sex == "F" else male) if n not in avoid] or male
        return self.rng.choice(pool)

    def surname(self, group):
        names = self.names[group][2]
        # Zipf-like: the first surnames in each list are much commoner
        return names[min(int(self.rng.paretovariate(1.2)) - 1, len(names) - 1)]

    def born(self, low=0.0, high=17.9):
        return self.today - timedelta(days=self.rng.randint(int(low * 365), int(high * 365)))

    def full_forenames(self, group, sex, first):
        rng = self.rng
        if group in ("pakistani", "bangladeshi") and sex == "M" and rng.random() < 0.4:
            return f"Mohammed {first}" if first != "Mohammed" else first
        if group == "sikh":
            return f"{first} {'Kaur' if sex == 'F' else 'Singh'}"
        if rng.random() < 0.3:
            return f"{first} {self.forename(group, sex, avoid=(first,))}"
        return first

    def household(self, wanted: int):
        """(household, children) with about `wanted` children; some planned but unrecorded."""
        rng = self.rng
        group = rng.choices(list(GROUPS), self.weights)[0]
        surname = self.surname(group)
        if group == "white_british" and rng.random() < 0.06:
            surname = f"{surname}-{self.surname(group)}"
        if group == "sikh" and rng.random() < 0.3:
            surname = rng.choice(["Kaur", "Singh"]) if rng.random() < 0.5 else surname
        postcode = self.postcodes()
        home = PlannedHousehold(f"{surname} household", postcode, f"{rng.randint(1, 200)} Road")
        mother = self.person(
            self.forename(group, "F"), surname, "F", self.born(20, 45), child=False
        )
        home.members.append(PlannedMember(mother, "parent", mother.date_of_birth))
        children: list[Child] = []
        step = rng.random() < 0.15
        made = 0
        while made < wanted:
            sex = rng.choice("FM")
            born = self.born()
            multiple = rng.random() < 0.035
            size = (3 if rng.random() < 0.06 else 2) if multiple else 1
            used: list[str] = []
            births = []
            for _ in range(size):
                # Twins often get names that sound alike
                if used and rng.random() < 0.4:
                    pool = [
                        n
                        for n in self.names[group][0 if sex == "M" else 1]
                        if n not in used and n[0] == used[0][0]
                    ]
                    first = rng.choice(pool) if pool else self.forename(group, sex, used)
                else:
                    first = self.forename(group, sex, used)
                used.append(first)
                forenames = self.full_forenames(group, sex, first)
                child = Child(self.person(forenames, surname, sex, born), group, postcode)
                child.middle_used = forenames.startswith("Mohammed ") and first != "Mohammed"
                births.append(child)
            for child in births:
                child.twins = [other for other in births if other is not child]
            children += births
            made += size
        if step and children:
            # The older children took the step-father's surname; their old one is known to
            # some agencies (recorded as a previous name on some records only).
            new = self.surname(group)
            for child in children[: max(1, len(children) - 1)]:
                child.previous_surname = child.person.surname
                child.person.surname = new
                if rng.random() < 0.5:
                    child.person.other_names = ((child.person.forenames, child.previous_surname),)
        if rng.random() < 0.03:
            expected = self.today + timedelta(days=rng.randint(20, 250))
            unborn = Child(
                self.person("Unborn", surname, "U", expected, unborn=True), group, postcode
            )
            children.append(unborn)
        # Some planned children are not recorded: a twin, a younger sibling.
        for child in children:
            if (
                child.twins
                and rng.random() < 0.25
                and all(t.recorded for t in child.twins)
                or not child.twins
                and len(children) > 1
                and rng.random() < 0.04
            ):
                child.recorded = False
        for child in children:
            if child.recorded:
                home.members.append(
                    PlannedMember(child.person, "child", child.person.date_of_birth)
                )
        return home, children, group, surname


def _typo(rng, name):
    if len(name) < 4:
        return name
    i = rng.randrange(1, len(name) - 1)
    kind = rng.random()
    if kind < 0.33:
        return name[:i] + name[i + 1 :]
    if kind < 0.66:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[:i] + rng.choice("aeiou") + name[i + 1 :]


def _strip_marks(name):
    import unicodedata

    table = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D"})
    text = unicodedata.normalize("NFKD", name.translate(table))
    return "".join(c for c in text if not unicodedata.combining(c))


def _age(born, today):
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def build(context, wanted_children: int, *, per_category: int) -> Truth:
    rng, today = context.random, date.today()
    districts, postcodes = _postcodes(context)
    planner = Planner(rng, postcodes, today)
    writer = CountyWriter(context, districts=districts)
    truth = Truth()
    pools: dict[str, list] = {c: [] for c in PRESENT + ABSENT}
    by_name: dict = {}
    while truth.children < wanted_children:
        home, children, group, surname = planner.household(
            rng.choices([1, 2, 3, 4], [35, 38, 19, 8])[0]
        )
        writer.household(home)
        for child in children:
            person = child.person
            if child.recorded:
                pid = writer.person_id(person)
                truth.children += not person.unborn
                by_name.setdefault((person.forenames.split()[0], person.surname), []).append(child)
                if rng.random() < 0.05 and not person.unborn:
                    _second_record(rng, writer, truth, child, postcodes, pools)
                _classify(rng, child, pid, pools, group)
            else:
                recorded_twin = next((t for t in child.twins if t.recorded), None)
                pools["absent_twin" if recorded_twin else "absent_sibling"].append(child)
        context.progress("children", truth.children, wanted_children)
    writer.flush()
    _cousins_and_namesakes(rng, planner, by_name, pools)
    for category in PRESENT + ABSENT:
        chosen = pools[category]
        rng.shuffle(chosen)
        for item in chosen[:per_category]:
            query = _query(rng, category, item, writer, postcodes, today)
            if query:
                truth.queries.append(query)
    return truth


def _second_record(rng, writer, truth, child, postcodes, pools):
    """Another agency's record: a typo, a nickname or a slipped date, in a household of its own."""
    person = child.person
    forenames, surname, born = person.forenames, person.surname, person.date_of_birth
    kind = rng.random()
    if kind < 0.4:
        forenames = _typo(rng, forenames)
    elif kind < 0.7 and born.day <= 12:
        born = date(born.year, born.day, born.month) if born.day != born.month else born
    else:
        surname = _typo(rng, surname)
    copy = PlannedPerson(10**9 + person.key, forenames, surname, person.sex, born, False, True)
    home = PlannedHousehold(f"{surname} household", child.postcode, "1 Other Road")
    home.members.append(PlannedMember(copy, "child", born))
    writer.household(home)
    truth.same_child[writer.person_id(copy)] = writer.person_id(person)
    pools["second_record"].append(child)


def _classify(rng, child, pid, pools, group):
    person = child.person
    if person.unborn:
        pools["unborn"].append(child)
        return
    first = person.forenames.split()[0]
    variants = GROUPS[group][4]
    if child.twins:
        pools["twin_recorded"].append(child)
    if child.previous_surname:
        pools["surname_change"].append(child)
    if "-" in person.surname:
        pools["double_barrelled"].append(child)
    if len(person.forenames.split()) > 1:
        pools["first_or_middle"].append(child)
    if first in variants or person.surname in variants:
        pools["transliteration"].append(child)
    if _strip_marks(person.forenames + person.surname) != person.forenames + person.surname:
        pools["diacritics"].append(child)
    if first in NICKNAMES:
        pools["nickname"].append(child)
    if person.surname in ("Smith", "Jones", "Khan", "Ahmed", "Patel", "Taylor", "Brown", "Begum"):
        pools["common_name"].append(child)
    for category in ("typo", "swapped", "dob_error", "age_only", "moved", "missing_postcode"):
        if rng.random() < 0.02:
            pools[category].append(child)
    if rng.random() < 0.02:
        pools["partial"].append(child)


def _cousins_and_namesakes(rng, planner, by_name, pools):
    """Unrecorded children with a recorded child's surname (a cousin: another household, a
    similar age) or whole name (a namesake: another area, another date of birth)."""
    recorded = [c for group in by_name.values() for c in group if not c.person.unborn]
    for child in rng.sample(recorded, min(len(recorded), 400)):
        person = child.person
        group = child.group
        cousin_name = planner.forename(group, person.sex, avoid=(person.forenames.split()[0],))
        born = person.date_of_birth + timedelta(days=rng.randint(-700, 700))
        cousin = planner.person(cousin_name, person.surname, person.sex, min(born, planner.today))
        pools["absent_cousin"].append(Child(cousin, group, planner.postcodes(), recorded=False))
        namesake = planner.person(person.forenames, person.surname, person.sex, planner.born())
        pools["absent_namesake"].append(Child(namesake, group, planner.postcodes(), False))


def _query(rng, category, child, writer, postcodes, today) -> Query | None:
    person = child.person
    answer = writer.person_id(person) if child.recorded else None
    forenames = person.forenames.replace(" Kaur", "").replace(" Singh", "")
    first = forenames.split()[0]
    query = Query(
        category, answer, first, person.surname, person.date_of_birth, None, child.postcode
    )
    variants = GROUPS[child.group][4]
    if category == "typo":
        if rng.random() < 0.5:
            query.forenames = _typo(rng, first)
        else:
            query.surname = _typo(rng, person.surname)
    elif category == "transliteration":
        if first in variants:
            query.forenames = rng.choice(variants[first])
        else:
            query.surname = rng.choice(variants[person.surname])
    elif category == "diacritics":
        query.forenames, query.surname = _strip_marks(first), _strip_marks(person.surname)
    elif category == "double_barrelled":
        query.surname = rng.choice(person.surname.split("-"))
    elif category == "surname_change":
        query.surname = child.previous_surname
    elif category == "first_or_middle":
        parts = forenames.split()
        query.forenames = parts[1] if len(parts) > 1 else first
    elif category == "nickname":
        query.forenames = NICKNAMES[first]
    elif category == "swapped":
        query.forenames, query.surname = person.surname, first
    elif category == "dob_error":
        born = person.date_of_birth
        if born.day <= 12 and born.day != born.month and rng.random() < 0.5:
            query.date_of_birth = date(born.year, born.day, born.month)
        else:
            query.date_of_birth = born + timedelta(days=rng.choice([-2, -1, 1, 2, 365, -365]))
    elif category == "age_only":
        query.date_of_birth, query.age = None, _age(person.date_of_birth, today)
    elif category == "unborn":
        # Born now, searched by the name given at birth, near the expected date.
        query.forenames = rng.choice(["Amara", "Noah", "Isla", "Zain", "Maja", "Leo"])
        query.date_of_birth = person.date_of_birth + timedelta(days=rng.randint(-30, 30))
    elif category == "moved":
        query.postcode = postcodes()
    elif category == "missing_postcode":
        query.postcode = ""
    elif category == "partial":
        if rng.random() < 0.5:
            query.forenames = ""
        else:
            query.postcode = child.postcode.split(" ")[0]
            query.surname = person.surname
    elif category == "second_record":
        query.forenames = _typo(rng, first) if rng.random() < 0.3 else first
    elif category == "absent_twin":
        query.forenames = first
    elif (
        category in ("absent_sibling", "absent_cousin", "absent_namesake", "twin_recorded")
        or category == "common_name"
    ):
        pass
    return query
