"""The zorgtoeslag 2025 as an OpenFisca tax-benefit system, for the side-by-side benchmark.

It computes what Regulations/zorgtoeslag/2025-01-01.md and Regulations/awir/2025-01-01.md
compute (Wzt art. 1-2, Awir art. 3, 7 and 14; values from the Regeling standaardpremie 2025 and
the Wet minimumloon), written the way OpenFisca models are written: person and household
entities, monthly variables, a yearly sum. OpenFisca stores `float` variables as float32, so the
amounts carry its rounding; run.sh reports how many households differ from toets by a cent.

Usage: python zorgtoeslag_2025.py personen.csv uitkomst.csv
  personen.csv  written by `toets simulate --persons-csv` (one row per person)
  uitkomst.csv  written here: huishouden,zorgtoeslag (euros), for the comparison
Prints timings as JSON on stdout.
"""

import datetime
import json
import sys
import time

import numpy as np
import pandas as pd
from openfisca_core.entities import build_entity
from openfisca_core.periods import ETERNITY, MONTH, YEAR
from openfisca_core.populations import ADD
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

Persoon = build_entity(key="persoon", plural="personen", label="Persoon", is_person=True)
Huishouden = build_entity(
    key="huishouden",
    plural="huishoudens",
    label="Huishouden",
    roles=[
        {"key": "aanvrager", "max": 1},
        {"key": "partner", "max": 1},
        {"key": "kind", "plural": "kinderen"},
        {"key": "medebewoner", "plural": "medebewoners"},
    ],
)

# 2025 values, each from the same source as in Regulations/ (see the regulation files for citations).
STANDAARDPREMIE = 2112.0  # Regeling standaardpremie 2025, art. 1
DREMPELINKOMEN = 1.08 * 12 * 2191.80  # Wzt art. 1 f; WML minimummaandloon januari 2025
PCT_PARTNERS = 0.04273  # Wzt art. 2 lid 3
PCT_ALLEENSTAANDE = 0.01896
PCT_INKOMEN = 0.137
VERMOGENSGRENS_ALLEEN = 141896.0  # Awir art. 7 lid 1, 2025
VERMOGENSGRENS_PARTNERS = 179429.0


def person_input(name, value_type, period=ETERNITY, default=None):
    attrs = dict(value_type=value_type, entity=Persoon, definition_period=period, label=name)
    if default is not None:
        attrs["default_value"] = default
    return type(name, (Variable,), attrs)


def household_input(name, value_type, default=None):
    attrs = dict(value_type=value_type, entity=Huishouden, definition_period=ETERNITY, label=name)
    if default is not None:
        attrs["default_value"] = default
    return type(name, (Variable,), attrs)


INPUTS = [
    person_input("geboortedatum", datetime.date),
    person_input("toetsingsinkomen", float, YEAR),
    person_input("vermogen", float, YEAR),
    person_input("zorgverzekerd", bool, default=True),
    person_input("ingezetene", bool, default=True),
    person_input("eerstegraads_verwant", bool),
    household_input("partnerschap", int),  # 0 geen, 1 gehuwd, 2 geregistreerd partnerschap, 3 samenwonend
] + [household_input(f"relatie_{r}", bool) for r in (
    "gezamenlijk_kind", "erkend_kind", "pensioenpartner", "gezamenlijke_eigen_woning",
    "partner_vorig_jaar", "zakelijke_huurovereenkomst", "samenlevingscontract")]


def eighteenth_birthday(birth):
    """The day of the 18th birthday; 29 February becomes 1 March in a year without it."""
    month = birth.astype("datetime64[M]")
    day_in_month = birth - month.astype("datetime64[D]")
    target_month = month + np.timedelta64(18 * 12, "M")
    same_day = target_month.astype("datetime64[D]") + day_in_month
    # numpy rolls 29 February of a year without it over to 1 March, as the rules do; make it explicit.
    overflow = same_day.astype("datetime64[M]") != target_month
    return np.where(overflow, (target_month + np.timedelta64(1, "M")).astype("datetime64[D]"), same_day)


class volwassen(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "18 jaar of ouder op de eerste dag van de maand (Awir art. 3 lid 2)"

    def formula(persoon, period):
        return eighteenth_birthday(persoon("geboortedatum", period)) <= np.datetime64(period.start.date, "D")


class verzekerde(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "verzekerde van 18 jaar of ouder, vanaf de maand na de 18e verjaardag (Wzt art. 1 c)"

    def formula(persoon, period):
        month_of_birthday = eighteenth_birthday(persoon("geboortedatum", period)).astype("datetime64[M]")
        return persoon("zorgverzekerd", period) & (month_of_birthday < np.datetime64(period.start.date, "M"))


class toeslagpartner(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "toeslagpartner (Awir art. 3 lid 1, 2 en 5)"

    def formula(huishouden, period):
        heeft_partner = huishouden.nb_persons(Huishouden.PARTNER) > 0
        verwant = huishouden.value_from_person(huishouden.members("eerstegraads_verwant", period), Huishouden.PARTNER)
        status = huishouden("partnerschap", period)
        volwassen = huishouden.members("volwassen", period)
        beide_volwassen = huishouden.value_from_person(volwassen, Huishouden.AANVRAGER) & huishouden.value_from_person(
            volwassen, Huishouden.PARTNER)
        minderjarig_kind = huishouden.any(~volwassen, role=Huishouden.KIND)
        ingezetene_partner = huishouden.value_from_person(huishouden.members("ingezetene", period), Huishouden.PARTNER)
        r = lambda name: huishouden("relatie_" + name, period)
        gehuwd = (status == 1) | (status == 2)
        contract = (status == 3) & r("samenlevingscontract") & beide_volwassen
        lid2 = (status == 3) & ingezetene_partner & (
            r("gezamenlijk_kind") | r("erkend_kind") | r("pensioenpartner") | r("gezamenlijke_eigen_woning")
            | (beide_volwassen & minderjarig_kind & ~r("zakelijke_huurovereenkomst")) | r("partner_vorig_jaar"))
        return heeft_partner & ~verwant & (gehuwd | contract | lid2)


class zorgtoeslag_maand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "aanspraak op zorgtoeslag in deze maand, op jaarbasis (Wzt art. 2; Awir art. 5, 7)"

    def formula(huishouden, period):
        jaar = period.this_year
        partner = huishouden("toeslagpartner", period)
        verzekerde = huishouden.members("verzekerde", period)
        v_a = huishouden.value_from_person(verzekerde, Huishouden.AANVRAGER)
        v_p = partner & huishouden.value_from_person(verzekerde, Huishouden.PARTNER)
        inkomen = huishouden.members("toetsingsinkomen", jaar)
        vermogen = huishouden.members("vermogen", jaar)
        i_a = huishouden.value_from_person(inkomen, Huishouden.AANVRAGER)
        i_p = huishouden.value_from_person(inkomen, Huishouden.PARTNER)
        w_a = huishouden.value_from_person(vermogen, Huishouden.AANVRAGER)
        w_p = huishouden.value_from_person(vermogen, Huishouden.PARTNER)
        premie_inkomen = np.where(partner, i_a + i_p, i_a)
        norm = np.where(partner, PCT_PARTNERS, PCT_ALLEENSTAANDE) * DREMPELINKOMEN + PCT_INKOMEN * np.maximum(
            0, premie_inkomen - DREMPELINKOMEN)
        standaard = np.where(partner, 2 * STANDAARDPREMIE, STANDAARDPREMIE)
        aanspraak = np.maximum(0, standaard - norm)
        aanspraak = np.where(partner & (v_a != v_p), aanspraak / 2, aanspraak)
        vermogen_ok = np.where(partner, w_a + w_p <= VERMOGENSGRENS_PARTNERS, w_a <= VERMOGENSGRENS_ALLEEN)
        return np.where((v_a | v_p) & vermogen_ok, aanspraak, 0)


class zorgtoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "zorgtoeslag over het jaar: som van de maanden, afgerond op hele euro's, minimaal € 24 (Awir art. 14)"

    def formula(huishouden, period):
        totaal = huishouden("zorgtoeslag_maand", period, options=[ADD]) / 12
        euros = np.floor(totaal + 0.5)
        return np.where(euros < 24, 0, euros)



class Zorgtoeslag2025(TaxBenefitSystem):
    def __init__(self):
        super().__init__([Persoon, Huishouden])
        for v in INPUTS + [volwassen, verzekerde, toeslagpartner, zorgtoeslag_maand, zorgtoeslag]:
            self.add_variable(v)


def truth(column):
    """A CSV column of true/false (pandas may already have read it as booleans)."""
    return column.astype(str).str.lower().to_numpy() == "true"


def main(personen_csv, uitkomst_csv):
    t0 = time.perf_counter()
    df = pd.read_csv(personen_csv, dtype={"rol": "category", "partnerschap": "category"}, keep_default_na=False)
    t_read = time.perf_counter() - t0

    t1 = time.perf_counter()
    system = Zorgtoeslag2025()
    builder = SimulationBuilder()
    builder.create_entities(system)
    person_ids = np.arange(len(df))
    builder.declare_person_entity("persoon", person_ids)
    household_ids = df["huishouden"].to_numpy()
    first = np.r_[True, household_ids[1:] != household_ids[:-1]]
    huishoudens = builder.declare_entity("huishouden", household_ids[first])
    builder.join_with_persons(huishoudens, household_ids, df["rol"].astype(str).to_numpy())
    sim = builder.build(system)
    year = "2025"
    sim.set_input("geboortedatum", year, df["geboortedatum"].to_numpy(dtype="datetime64[D]"))
    sim.set_input("toetsingsinkomen", year, df["toetsingsinkomen"].to_numpy(dtype=np.float64))
    sim.set_input("vermogen", year, df["vermogen"].to_numpy(dtype=np.float64))
    for flag in ("zorgverzekerd", "ingezetene", "eerstegraads_verwant"):
        if flag in df:
            sim.set_input(flag, year, truth(df[flag]))
    hh = df[first]
    codes = {"geen": 0, "gehuwd": 1, "geregistreerd_partnerschap": 2, "samenwonend": 3}
    sim.set_input("partnerschap", year, hh["partnerschap"].astype(str).map(codes).to_numpy())
    for column in hh.columns:
        # Only the relation facts this zorgtoeslag model reads (the population carries more, for other laws).
        if column.startswith("relatie.") and ("relatie_" + column.split(".", 1)[1]) in system.variables:
            sim.set_input("relatie_" + column.split(".", 1)[1], year, truth(hh[column]))
    t_build = time.perf_counter() - t1

    t2 = time.perf_counter()
    result = sim.calculate("zorgtoeslag", year)
    t_calc = time.perf_counter() - t2

    pd.DataFrame({"huishouden": household_ids[first], "zorgtoeslag": result.astype(np.int64)}).to_csv(uitkomst_csv, index=False)
    print(json.dumps({"huishoudens": int(first.sum()), "lezen_s": t_read, "opbouwen_s": t_build, "berekenen_s": t_calc,
                      "dtype": str(result.dtype)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
