"""Charnwood Borough Council (001): the Corporate Delivery Plan actions of its quarter 3
2023-24 performance report, as printed, and a workbook that lays them out as 001 does.

Transcribed from the report's text: 78 actions under four themes (23, 21, 15 and 19), each
with its outcome, progress, status, start and end quarter. Two things the text does not give:
the RAG column, which was an image (left blank here), and the theme rows above the third and
fourth tables, which are missing from the text; their themes are the boxes' titles, in the
report's order (A Thriving Economy, then Your Council), as the outcomes under them show.

``write(path)`` builds one sheet in 001's layout: for each theme a theme row, the header
(Corporate Strategy Outcome (2020-2024) | Corporate Delivery Plan Action (2023-2024) |
Progress | Status | Start Date | End Date | RAG), then the actions, each outcome written once
for its group.
"""

from __future__ import annotations

from pathlib import Path

ENVIRONMENT = "Caring for the Environment"
HEALTHY = "Healthy Communities"
ECONOMY = "A Thriving Economy"
YOUR_COUNCIL = "Your Council"
THEMES = (ENVIRONMENT, HEALTHY, ECONOMY, YOUR_COUNCIL)

PERIOD = "Q3 2023/24"
SHEET = "Delivery Plan"
TITLE = "Overall Corporate Delivery Plan Action Performance: Quarter 3 2023-2024"
# The third table's header has no line break in the action heading; the others do.
ACTION_HEADING = {ECONOMY: "Corporate Delivery Plan Action (2023-2024)"}
HEADER = (
    "Corporate Strategy Outcome (2020-2024)",
    "Corporate Delivery Plan Action\n(2023-2024)",
    "Progress",
    "Status",
    "Start Date",
    "End Date",
    "RAG",
)

# The boxes as printed: per theme, and overall. Only Your Council prints Not started.
BOXES: dict[str, dict[str, int]] = {
    ENVIRONMENT: {"Number of Actions": 23, "Red": 3, "Amber": 2, "Green": 10, "Completed": 8},
    HEALTHY: {"Number of Actions": 21, "Red": 0, "Amber": 5, "Green": 11, "Completed": 5},
    ECONOMY: {"Number of Actions": 15, "Red": 4, "Amber": 0, "Green": 10, "Completed": 1},
    YOUR_COUNCIL: {
        "Number of Actions": 19,
        "Red": 4,
        "Amber": 1,
        "Green": 8,
        "Completed": 6,
        "Not started": 0,
    },
    "Overall": {"Number of Actions": 78, "Red": 11, "Amber": 8, "Green": 39, "Completed": 20},
}

# Outcomes, as printed once for each group of actions.
CLIMATE_CHANGE = (
    "Climate Change: Take action to become a carbon neutral organisation by 2030, "
    "to help tackle climate change."
)
PARKS_AND_OPEN_SPACES = (
    "Parks and Open Spaces: Develop, improve, and continue to care for our parks "
    "and open spaces, so they can be enjoyed by everyone."
)
PROTECTING_OUR_ENVIRONMENT = (
    "Protecting our Environment: Help protect our environment by using all powers "
    "available to tackle those who threaten it."
)
WASTE_AND_RECYCLING = (
    "Waste and Recycling: Improve and develop our outstanding waste and recycling "
    "service to make it more efficient, more resilient, and better for the "
    "environment."
)
HEALTHY_AND_HAPPY_RESIDENTS = (
    "Healthy and happy residents: Provide high-quality leisure facilities and "
    "sports activities for people and offer services to improve wellbeing, either "
    "directly or with our partner."
)
HOUSING = (
    "Housing: Help those in need of accommodation by continuing to make our council "
    "homes better for tenants and work with developers and the privately rented "
    "sector to ensure high-quality homes are available to residents."
)
SAFER_CHARNWOOD = (
    "Safer Charnwood: Continue to collaborate with partners to make our towns and "
    "villages safer places to live, work and visit."
)
SUPPORTING_OUR_COMMUNITIES = (
    "Supporting our communities: Invest in services to help those who are most "
    "vulnerable, empower people to make a positive difference in their local areas "
    "and ensure community cohesion remains a top priority."
)
CULTURE_AND_VISITOR = (
    "Culture and Visitor: Help make Charnwood, and its beautiful open countryside "
    "and thriving market towns, a key destination for local, national, and "
    "international visitors."
)
ECONOMIC_GROWTH = (
    "Economic growth: Continue to support and foster strong economic growth in Charnwood."
)
TOWNS = (
    "Towns: Lead, support and collaborate to progress regeneration opportunities across Charnwood."
)
COMMERCIALISM = (
    "Commercialism: Operate more commercially and reducing the burden on the "
    "taxpayer and government support will be a key element of this transformation."
)
CUSTOMER_SERVICE = (
    "Customer Service: Commit strongly to improving customer service, delivering "
    "outstanding services and working together to create a more vibrant and "
    "prosperous Charnwood."
)
DEVELOPING_STAFF = (
    "Developing Staff: Develop our staff to help them deliver outstanding services "
    "and ensure our employees and elected members work together, as one council, to "
    "bring positive change to Charnwood."
)
FINANCIAL_STABILITY = (
    "Financial stability: Continue to carefully manage our budgets, particularly by "
    "using effective procurement and well-managed contracts."
)
ONE_COUNCIL = (
    "One Council: Collaborate with partners, in the public and private sector, to "
    "improve services and ensure employees and members work together, as one "
    "council, and listen, talk, and engage with residents to bring positive change "
    "to Charnwood."
)
TRANSFORMATION_AND_EFFICIENCY = (
    "Transformation and Efficiency: Transform into a more efficient, effective, and "
    "innovative organisation. Continue to build our digital services using "
    "technology that will help us be more effective, efficient, and flexible to "
    "meet customers’ needs."
)

ACTIONS: list[tuple[str, str, str, str, str, str]] = [
    # theme, outcome, action, status, start, end
    (
        ENVIRONMENT,
        CLIMATE_CHANGE,
        (
            "Complete replacement of the Street Management Fleet Vehicles with new vehicles to "
            "achieve the best reduction in CO2 emissions in line with the budget provision "
            "available."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        CLIMATE_CHANGE,
        "Give away 4,000 garden trees to residents and community groups.",
        "Completed",
        "Q1",
        "Q3",
    ),
    (
        ENVIRONMENT,
        CLIMATE_CHANGE,
        (
            "Install 3 dual Electric Vehicle Charging points, to accommodate 6 vehicles, at "
            "Charnwood Borough Council office car park to support charging of fleet and staff "
            "vehicles."
        ),
        "Overdue",
        "Q1",
        "Q3",
    ),
    (
        ENVIRONMENT,
        CLIMATE_CHANGE,
        (
            "Install 6 dual Electric Vehicle Charging Points, to accommodate up to 12 vehicles, "
            "at Beehive Lane Car Park to support the charging infrastructure for the residents, "
            "visitors, business, and staff."
        ),
        "Overdue",
        "Q1",
        "Q3",
    ),
    (
        ENVIRONMENT,
        CLIMATE_CHANGE,
        (
            "Provide a briefing to all new councillors on climate change and carbon neutral "
            "issues as part of the member induction programme following the May 2023 local "
            "elections."
        ),
        "Completed",
        "Q2",
        "Q4",
    ),
    (
        ENVIRONMENT,
        CLIMATE_CHANGE,
        "Undertake a Green Fleet Review with the assistance of the Carbon Trust.",
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        CLIMATE_CHANGE,
        "Upgrade the Loughborough Town Hall auditorium air handling system.",
        "Completed",
        "Q1",
        "Q3",
    ),
    (
        ENVIRONMENT,
        PARKS_AND_OPEN_SPACES,
        (
            "Deliver the Hope Bell Project in Queen’s Park, including communications and "
            "engagement under the Lanes and Links Town Deal project."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PARKS_AND_OPEN_SPACES,
        (
            "Enhance the space outside the Museum café and provide year-round cover through a "
            "canopy structure and create secure storage for furniture that cannot be left "
            "outdoor all year round as part of the Living Loughborough Town Deal project."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PARKS_AND_OPEN_SPACES,
        (
            "Implement mowing trials in suitable locations through the borough as identified in "
            "the Nature Positive report."
        ),
        "In Progress",
        "Q4",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PARKS_AND_OPEN_SPACES,
        (
            "Improve drainage and lighting and replace information points in Queen’s Park as "
            "part of the Living Loughborough Town Deal project."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PARKS_AND_OPEN_SPACES,
        (
            "Install new gateway features at the Granby Streetcar Park entrance to Queen’s Park "
            "as part of the Living Loughborough Town Deal project."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PARKS_AND_OPEN_SPACES,
        "Maintain Green Flag status for key sites across the borough.",
        "Completed",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PARKS_AND_OPEN_SPACES,
        (
            "Provide lighting in Queen’s Park in the area near the Granby Street entrance as "
            "part of the Living Loughborough Town Deal project."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PARKS_AND_OPEN_SPACES,
        (
            "Secure long-term provision of the management of Open Spaces by entering new "
            "contractual arrangements."
        ),
        "Completed",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PARKS_AND_OPEN_SPACES,
        (
            "Upgrade the Queen’s Park New Street side-lighting columns to match the Bedford "
            "Square Gateway Project lighting scheme as part of the Living Loughborough Town "
            "Deal project."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PROTECTING_OUR_ENVIRONMENT,
        (
            "Identify targeted locations for high littering from vehicles, then undertake a "
            "targeted enforcement exercise, including an awareness campaign followed by use of "
            "enforcement cameras to reduce littering by a minimum of 20%."
        ),
        "Completed",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PROTECTING_OUR_ENVIRONMENT,
        "Prepare, consult, and adopt a Biodiversity Supplementary Planning Document.",
        "In Progress",
        "Q4",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PROTECTING_OUR_ENVIRONMENT,
        (
            "Under the provisions of the Environment Act 2021, review any proposed emerging Air "
            "Quality targets and the impact on the current Air Quality Management Areas. "
            "Develop relevant monitoring and actions as required by the new requirements when "
            "implemented."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        PROTECTING_OUR_ENVIRONMENT,
        ("Use mobile CCTV cameras to detect fly-tipping offences and take appropriate action."),
        "Completed",
        "Q1",
        "Q2",
    ),
    (
        ENVIRONMENT,
        WASTE_AND_RECYCLING,
        "Implement the collection of mixed dry recycling from commercial premises.",
        "Completed",
        "Q1",
        "Q2",
    ),
    (
        ENVIRONMENT,
        WASTE_AND_RECYCLING,
        (
            "Prepare for the proposed introduction of weekly food waste collections from all "
            "households."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ENVIRONMENT,
        WASTE_AND_RECYCLING,
        (
            "Secure the long-term provision of environmental services (Waste and Recycling "
            "Collections, and Street Cleansing) by entering new contractual arrangements."
        ),
        "Overdue",
        "Q1",
        "Q3",
    ),
    (
        HEALTHY,
        HEALTHY_AND_HAPPY_RESIDENTS,
        (
            "Deliver a football infrastructure across the borough, working with the Football "
            "Foundation to secure at least one grant."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        "Develop a Garage Site Asset Management Strategy.",
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        "Develop a Homelessness and Reducing Rough Sleeping Strategy.",
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        "Develop a Housing Development, Acquisitions, and Disposals of Stock Strategy.",
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        "Develop a Sheltered Accommodation Asset Management Strategy.",
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        "Implement a document management system for tenant files.",
        "Completed",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        "Prepare, consult, and adopt a Supplementary Planning Document for Housing.",
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        "Produce an updated Repairs Policy for Council housing and assets.",
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        (
            "Progress the re-development of St Michael’s Court in Thurmaston as part of the "
            "review of sheltered accommodation."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        (
            "Review declassification of age restricted properties, to support the faster re-let "
            "of properties."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        HOUSING,
        (
            "Undertake a review of the Lightbulb Service to identify the best way of meeting "
            "resident needs in the future."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SAFER_CHARNWOOD,
        (
            "Complete a minimum of 95% of the Food Safety High Risk (A-C rated food businesses) "
            "Inspection Programme in line with the Food Law Enforcement Plan 2023-24 and the "
            "Food Standards Agency Strategy."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SAFER_CHARNWOOD,
        (
            "Deliver the actions contained within the Home Office joint funded Safer Streets 4 "
            "programme."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SAFER_CHARNWOOD,
        (
            "In partnership with the Office of the Police and Crime Commissioner (OPCC) "
            "Violence Reduction Network, implement the new Serious Violence Duty requirements "
            "to ensure the completion of the Strategic Needs Assessment and a Partnership "
            "Strategy is in place."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SAFER_CHARNWOOD,
        (
            "Support the delivery of the Community Safety Partnership Plan 2023-26 and ensure "
            "that Council actions within the plan are completed."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SAFER_CHARNWOOD,
        (
            "Work with key partners to establish a Flood Risk Management Board for Loughborough "
            "to investigate long-term flood risk mitigation measures."
        ),
        "Completed",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SUPPORTING_OUR_COMMUNITIES,
        (
            "Deliver 10 targeted physical activity interventions to our least active "
            "communities with the aim of supporting the wellbeing of our residents and reducing "
            "health inequalities."
        ),
        "Completed",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SUPPORTING_OUR_COMMUNITIES,
        (
            "Deliver 6 local initiatives aimed at building community resilience capacity and "
            "cohesion (focused on our priority neighbourhoods)."
        ),
        "Completed",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SUPPORTING_OUR_COMMUNITIES,
        "Deliver the internal Cost of Living Plan.",
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SUPPORTING_OUR_COMMUNITIES,
        (
            "Provide 4 learning and development events to recognise and support an effective "
            "and viable local voluntary and community sector."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        HEALTHY,
        SUPPORTING_OUR_COMMUNITIES,
        (
            "Secure feedback from communities about Council services and priorities through "
            "undertaking a residents’ survey."
        ),
        "Completed",
        "Q1",
        "Q3",
    ),
    (
        ECONOMY,
        CULTURE_AND_VISITOR,
        (
            "Deliver a programme of events in Loughborough and across the borough. To include "
            "specialist markets and/or events for the King’s Coronation, Remembrance Sunday and "
            "the Loughborough Fair and Christmas Lights switch-on and publish and promote to "
            "residents."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ECONOMY,
        CULTURE_AND_VISITOR,
        (
            "Develop a Car Parking Strategy and action plan for Charnwood car parks for the "
            "medium and long term and ensure they remain viable and sustainable to support our "
            "communities."
        ),
        "Overdue",
        "Q1",
        "Q3",
    ),
    (
        ECONOMY,
        CULTURE_AND_VISITOR,
        (
            "Effectively deliver the “Iconic Carillon Tower project” including a brand, "
            "audience development programme and a centenary celebration plan with the Carillon "
            "Museum Trust and other key partners."
        ),
        "Overdue",
        "Q1",
        "Q2",
    ),
    (
        ECONOMY,
        CULTURE_AND_VISITOR,
        (
            "Produce a communications and development plan in order to raise awareness of the "
            "Discover Charnwood website and social media accounts to ensure its evolution as a "
            "key tool for helping encourage visitors to Charnwood and its attractions."
        ),
        "In Progress",
        "Q2",
        "Q4",
    ),
    (
        ECONOMY,
        CULTURE_AND_VISITOR,
        (
            "Produce and publish a dedicated Groups Guide on the Discover Charnwood website and "
            "hold an educational visit for operators in order to encourage more coach and group "
            "visitors to the borough."
        ),
        "In Progress",
        "Q3",
        "Q4",
    ),
    (
        ECONOMY,
        ECONOMIC_GROWTH,
        "Adopt the draft Charnwood Local Plan when the Inspectors’ report is received.",
        "Overdue",
        "Q3",
        "Q3",
    ),
    (
        ECONOMY,
        ECONOMIC_GROWTH,
        ("Deliver a series of communications and engagement to support Loughborough Town Deal."),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ECONOMY,
        ECONOMIC_GROWTH,
        (
            "Implement a business startup and support programme for the borough in conjunction "
            "with partners using existing and new funding streams, such as UK Shared Prosperity "
            "Fund (UKSPF)."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ECONOMY,
        ECONOMIC_GROWTH,
        "Review and adopt a revised Local Development Scheme.",
        "In Progress",
        "Q4",
        "Q4",
    ),
    (
        ECONOMY,
        ECONOMIC_GROWTH,
        (
            "Review and update the inCharnwood website and produce new marketing material and "
            "website content."
        ),
        "Overdue",
        "Q1",
        "Q3",
    ),
    (
        ECONOMY,
        TOWNS,
        (
            "Deliver and promote the Market Place element of the Shepshed Public Realm "
            "construction contract, subject to Cabinet approval to proceed."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ECONOMY,
        TOWNS,
        (
            "Ensure all monitoring and performance returns to Department for Levelling Up, "
            "Housing and Communities (DLUHC) regarding Town Deal are submitted on time to "
            "ensure that the programme is delivered on schedule and to budget."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ECONOMY,
        TOWNS,
        (
            "Hold at least 4 meetings of the Future Charnwood Group and 6 meetings of the "
            "Project Leads Group to help ensure that all 2023/24 UKSPF projects are progressed "
            "and delivered as per the approved Investment Plan and the deliverables and "
            "expenditure tables."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ECONOMY,
        TOWNS,
        (
            "Identify the improvements needed to Loughborough’s markets infrastructure, procure "
            "the ensuing services and product, and commence implementation of works in order to "
            "deliver a key element of the Living Loughborough Town Deal project."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        ECONOMY,
        TOWNS,
        (
            "Produce a Regeneration Prospectus which enables the Council to effectively enter "
            "dialogue with investors, landowners, developers, and Government agencies / "
            "departments about regeneration opportunities across Loughborough."
        ),
        "Completed",
        "Q1",
        "Q3",
    ),
    (
        YOUR_COUNCIL,
        COMMERCIALISM,
        (
            "Review all significant and relevant fees and charges and continue to consider "
            "commercial opportunities."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        CUSTOMER_SERVICE,
        (
            "Establish a Digital Inclusion Network across the borough to improve digital "
            "capability in the highest risk areas."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        CUSTOMER_SERVICE,
        "Implement and embed the Customer Focus Programme across the organisation.",
        "Completed",
        "Q1",
        "Q2",
    ),
    (
        YOUR_COUNCIL,
        DEVELOPING_STAFF,
        (
            "Deliver virtual staff briefings on an alternate monthly cycle and support two "
            "in-person staff events per year."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        DEVELOPING_STAFF,
        "Develop a Workforce Strategy for publication in April 2024.",
        "In Progress",
        "Q2",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        DEVELOPING_STAFF,
        (
            "Undertake a range of recruitment and retention projects to ensure that Charnwood "
            "attracts the best candidates and retains a strong and committed workforce."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        FINANCIAL_STABILITY,
        (
            "Investigate and evaluate office accommodation options in line with our "
            "sustainability and carbon reduction approach."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        FINANCIAL_STABILITY,
        (
            "Manage the action plan for the Financial Pressures meeting to ensure a robust "
            "mechanism for delivering savings is established."
        ),
        "Completed",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        FINANCIAL_STABILITY,
        (
            "Monitor live schemes relating to the Capital Plan, General Fund & Housing Revenue "
            "Account and to ensure all capital schemes are correctly categorised. 1) Live "
            "schemes 2) Provisional Scheme 3) Third party schemes."
        ),
        "Completed",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        FINANCIAL_STABILITY,
        (
            "Review budget monitoring reports and management information in line with Budget "
            "Scrutiny Panel recommendation for Members and Senior Leadership Team."
        ),
        "Completed",
        "Q1",
        "Q2",
    ),
    (
        YOUR_COUNCIL,
        ONE_COUNCIL,
        (
            "Deliver a comprehensive induction and training programme for new Councillors "
            "following the May 2023 local elections."
        ),
        "Completed",
        "Q2",
        "Q3",
    ),
    (
        YOUR_COUNCIL,
        ONE_COUNCIL,
        (
            "Develop a new Corporate Strategy for publication in April 2024, including "
            "gathering public consultation."
        ),
        "In Progress",
        "Q2",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        ONE_COUNCIL,
        (
            "Develop a new Equality, Diversity, and Inclusion Strategy for publication in April "
            "2024."
        ),
        "In Progress",
        "Q2",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        ONE_COUNCIL,
        (
            "Drive forward the Delivery Boards to ensure that a work programme of key projects "
            "is delivered resulting in a more efficient, effective, and innovative "
            "organisation."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        TRANSFORMATION_AND_EFFICIENCY,
        (
            "Complete an options appraisal and contract award and replacement option for the "
            "Revenues and Benefits contract."
        ),
        "Completed",
        "Q1",
        "Q3",
    ),
    (
        YOUR_COUNCIL,
        TRANSFORMATION_AND_EFFICIENCY,
        (
            "Complete the implementation of the Assure back-office system in Housing, Planning "
            "and Regulatory Services."
        ),
        "Overdue",
        "Q1",
        "Q3",
    ),
    (
        YOUR_COUNCIL,
        TRANSFORMATION_AND_EFFICIENCY,
        (
            "Explore options for customers to view their rent account and other Tenancy "
            "information online."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        TRANSFORMATION_AND_EFFICIENCY,
        "Review and procure a new corporate website.",
        "In Progress",
        "Q1",
        "Q4",
    ),
    (
        YOUR_COUNCIL,
        TRANSFORMATION_AND_EFFICIENCY,
        (
            "Review of the Customer Relationship Manager (CRM) system and determine what the "
            "future need is."
        ),
        "In Progress",
        "Q1",
        "Q4",
    ),
]

# The Progress column, one text per action in the order of ACTIONS.
PROGRESS: list[str] = [
    (
        "2 new Nissan leaf(s) ordered with decals agreed. No replacement has been found for the "
        "van yet."
    ),
    "Project completed in December 2023.",
    (
        "Operational costs to be identified for maintenance and back-office software support. "
        "Demand not yet shown."
    ),
    (
        "Incremental approach to adding chargers may be more appropriate as costs for "
        "maintenance, software not matched by current demand. Unlikely, to be able to deliver a "
        "concessionary procurement model (leased out) due to small number of units and low "
        "commercial return."
    ),
    "Briefing took place 27th Sept 2023.",
    "To be completed by the end of March 2024.",
    "This project has been successfully completed.",
    ("The project is on course to be delivered in the Summer of 2024. Further detailed needed."),
    "This project is on track to be delivered in March/April 2024",
    "No narrative provided. MB to update.",
    "This project is on track to be completed in the Spring of 2024.",
    "The project is on track to be delivered in the Summer of 2024.",
    "Both Green Flags (Queens Park and Forest Road Greenbelt) were retained for 2023.",
    "The project is due to complete in 24/25.Further detail needed",
    (
        "A 10-year contract extension has been agreed with IDVerde. Officers are currently "
        "finalising the legal documents so that the formalities can be completed."
    ),
    "This project is due for completion in 24/25. Further detail needed",
    (
        "Camera in place for first location and moved to second location now. Positive "
        "detection's captured and penalties issued."
    ),
    (
        "Progress of this work has been delayed because of the delays to the local plan, which "
        "it must follow."
    ),
    (
        "Extension agreed with DEFRA for producing AQ strategy and revoking existing AQMA. "
        "Consultants to be identified to assist with development of borough wide strategy."
    ),
    "Cameras in place.",
    (
        "The commercial recycling collections were introduced in April 2023 and were advertised "
        "to all businesses through the annual billing (separate leaflet). The uptake has been "
        "slow but steady, and depending on the participation rate we might do some more "
        "targeted promotion of this service to businesses."
    ),
    (
        "Preparations are underway for the roll out of weekly food waste collections from April "
        "2026."
    ),
    "The procurement exercise is due to complete in the Spring of 2024.",
    (
        "The team continue to work with the FA and the Football Foundation on the delivery of "
        "several schemes. It is likely that the action will continue into the year 24/25."
    ),
    (
        "Updated information has been obtained showing increased void loss. Further narrative "
        "required on status of the Strategy."
    ),
    "Discussions are being held to discuss the content/focus of the new strategy.",
    (
        "A new approach is being developed involving the purchase of S106 properties when there "
        "are no RP bids. CBC has the option to purchase 21 Persimmon properties on the Paradise "
        "Farm development (deadline 12/01/24)."
    ),
    (
        "Red line plans will be produced for each of the sites to allow valuations to be "
        "obtained - these will inform potential disposal decisions. Further narrative required "
        "on status of the Strategy."
    ),
    "Project completed and now live.",
    (
        "Significant progress has been made on scoping issues and holding workshops with "
        "members and staff. the progress of the SPD is linked to the local plan programme and "
        "is therefore consequentially delayed."
    ),
    (
        "The policy is under development and a presentation containing an overview was "
        "completed at HMAB on 11th Jan 2024."
    ),
    "Progressing as planned and monitored through regular project group meetings.",
    "Narrative to be provided – KM to update.",
    "Narrative to be provided – KM to update.",
    "Expect 95% of all A-C inspections to be completed by end of March 2024.",
    (
        "Charnwood Community Safety Partnership received the Locality Based Serious Violence "
        "Profile (13th October 2023), this will be used to develop the local Serious Violence "
        "Action Plan which needs to be in place by 31st January 2024.\n"
        "The highlights from this Charnwood profile are as follows: 30% of all serious violence "
        "was flagged as domestic related. Under 25s contributed to 32% of serious violence in "
        "2022/23 Sexual offences make up 10% of all serious violence. 27% of public place "
        "serious violence was committed in the Nighttime Economy."
    ),
    (
        "Serious violence duty: CSP VRN self-assessment completed December 2023. Summary report "
        "received: the CSP is fully compliant. \n"
        "Although the CSP is compliant with the Serious Violence Duty there are some areas "
        "where next steps have been identified to further strengthen compliance as identified "
        "by the CSP. These are outlined below.\n"
        "· Develop projects aimed at reducing both violent and serious violence offences. \n"
        "· Strategic leads to continue developing and consolidating plans under their allocated "
        "CSP strategic priorities. \n"
        "· Adopt the Community Partnership Framework. Co-production event to be organised early "
        "2024 to support CSPs in implementing the framework. \n"
        "· Review Charnwood’s Drug Strategy and take an evidence approach."
    ),
    (
        "Performance data was provided to the CSP meeting to ensure all partners were aware of "
        "the current risks around:\n"
        "· Burglary Dwelling \n"
        "· Burglary Business \n"
        "· Shoplifting \n"
        "· Theft of Motor Vehicle \n"
        "The partnership will receive an update on the performance against the three priorities "
        "contained within Charnwood Community Safety Partnership."
    ),
    (
        "A Flood Risk Management Board for Loughborough has been established and stakeholders "
        "are meeting regularly to discuss project to help reduce the risk of flooding."
    ),
    (
        "In partnership with local health services The AC team delivered six weeks of "
        "activities for 5–18-year-olds and their families over the summer period. Highlights "
        "include142 attendances on our summer holiday programmes, 4 Family Health & Well Being "
        "Roadshows and 6 community health engagement events. In total 265 goody bags were "
        "distributed culminated in the team delivering to our Ukrainian families to support "
        "Ukrainian Independence Day."
    ),
    (
        "· 4 Have Your Say residents’ meetings at Altogether Place and The Marios Tinenti "
        "Centre (2 each).\n"
        "· 6 Patch Walks in Shelthorpe, Bell Foundry and Warwick Way areas focusing on "
        "motorbike thefts, noise nuisance, Fly Tipping/Littering.\n"
        "· Successful Funding application for Sports and Leisure passes for Bell Foundry Estate "
        "residents. \n"
        "· 1 pop up event in with the police in Shelthorpe. \n"
        "· 2 Community Christmas events \n"
        "· The Hut has delivered 1 AGM, 1 ARECA Meeting, 1 Community Christmas event and 12 "
        "coffee mornings. \n"
        "· Marios Tinenti Centre has delivered 3 fishing groups, 22 Coffee Mornings,12 craft "
        "groups 2 Bingo sessions and has supported the delivery of ‘Stories of Kindness and ‘A "
        "Kind of Light’ art expressive feedback events. \n"
        "· Altogether Place has delivered 3 bingo sessions in support of Silver Sunday."
    ),
    (
        "· Several organisations funded through the COFL fund for the relaunch of Charnwood "
        "Food Poverty Group and Age Concern Syston for cafe/drop-in sessions. \n"
        "· Continued supporting local CAB and John Storer House \n"
        "· Provision of support or signposting for benefit queries, food parcel requests, fuel "
        "poverty enquiries, rent arrears etc at local hubs – Marios Tinenti Centre and "
        "Altogether Place as well as the promotion of existing cost of living services. \n"
        "· Completion of Household Support Fund applications.\n"
        "· Continued promotion of Promotion of Clockwise Credit Union to residents in priority "
        "Neighbourhoods to reduce accessing loan sharks. \n"
        "· Supporting the delivery of 4 enterprise club sessions on the Bell Foundry Estate, "
        "encouraging residents to become entrepreneurs. \n"
        "· ‘Souper Friends’ sessions delivered from MTC and ATP weekly, providing hot food and "
        "warm space for residents."
    ),
    (
        "In partnership with JSH they have delivered sessions /launches of services including "
        "the Mental Health Friendly Places scheme"
    ),
    (
        "The final residents survey report was delivered on September 27 by Marketing Means. We "
        "also consulted seldom heard groups and held several sessions with CBC staff and "
        "offered an online consultation for staff."
    ),
    (
        "All events for year 2023 have now been delivered. This action will be complete once "
        "the specialist Vegan market has taken place in late February 2024."
    ),
    "Phase 1 complete with some recommendations for review.",
    (
        "There were some minor communications around the Carillon Tower centenary celebrations "
        "during this quarter including social media and video produced by a media student on "
        "work experience. From a comms point of view, this project is completed."
    ),
    (
        "We have continued to highlight Discover Charnwood across multiple channels and have "
        "also launched a new email newsletter which people can subscribe to. \n"
        "Website traffic has increased, between April to December 2023, there has been 17,900 "
        "unique visitors. In 2022 there were 4,300 unique visitors, this is a huge increase."
    ),
    (
        "The Guide has been published but a visit has been put on hold pending prospect of "
        "improved coach parking in Loughborough."
    ),
    (
        "The local plan has been delayed by the Inspectors to enable further hearing sessions "
        "to take place."
    ),
    (
        "Since the last update we have issued communications around the completion of the canal "
        "project; a progress update on the bell foundry project; communications about the "
        "completion of SportPark; and a video summarising all 11 projects."
    ),
    (
        "A business start-up programme will be commencing in January 2024 in partnership with "
        "NatWest and Loughborough University."
    ),
    "The LDS is being reviewed and the update will be reported to Cabinet in March 2024.",
    (
        "There were delays with this action due to technical issues with the website's hosting. "
        "these have now been resolved. final checks on some aspects are taking place and all "
        "updates should be completed by the end of January 2024."
    ),
    ("The construction element of the project is expected to be completed end of January 2024."),
    "All required returns to date have been summitted successfully on-time.",
    (
        "There have been 4 meetings of the project leads group to date and another is scheduled "
        "for March 2024. At the request of project leads frequency has now been reduced."
    ),
    (
        "Potential suppliers of market stalls have now been identified and quotes sought, "
        "prototypes will be in place soon. it is expected to procure the new stalls "
        "infrastructure before the end of March '24."
    ),
    "The Regeneration Prospectus was approved by Cabinet on 14/12/23.",
    (
        "Service charge notifications for Business centres for the period 2024/25 are being "
        "prepared for issue Jan 2024 as required. Other individual tenancies are calculated as "
        "may be required. Budget updates are reported through the finance revenue monitoring "
        "reports."
    ),
    (
        "Due to pressures on the team created by data governance issues and complaints, this "
        "project will be carried into 2024."
    ),
    (
        "Implementation completed - Delivery of on-going sessions will continue through 2024 "
        "and 2025. with 2 sessions taking place every 2 weeks."
    ),
    (
        "We held a virtual staff briefing on Nov 1 attended by around 170 staff and it received "
        "109 video views. We held three staff events in December. Around 200 staff attended "
        "(including a toolbox talk) and there was a 100-satisfaction rate among the staff who "
        "responded to a follow survey."
    ),
    (
        "An outline for the Strategy has been developed and further work will be undertaken to "
        "compile the strategy.  The Committee process is being determined for May."
    ),
    (
        "The Recruitment and Retention Working Group continues to meet, and a range of projects "
        "have been identified - which are progressing."
    ),
    (
        "Outline business case for accommodation review submitted for a decision. Once known, "
        "carbon reduction projects will be incorporated into investment projects."
    ),
    (
        "A roadmap setting out the development and refinement of savings options and overall "
        "budget development covering the required timing and inputs from senior officers and "
        "members has been implemented."
    ),
    "The categories in the Capital Plan and Unit 4 are now correctly categorised.",
    (
        "Procedures remain in place to complete and present to Scrutiny by December 2023. We "
        "have implemented new budget monitoring reports. The budget monitoring reports have "
        "been reported on at p4 and will be used again at p7 - they are work in progress as we "
        "work to develop them further and respond to suggestions for change."
    ),
    (
        "Induction programme now completed. Moving on to regular ongoing member development "
        "programme."
    ),
    ("The Corporate Strategy has been approved by Cabinet and will be launched in April 2024."),
    (
        "Consultation on the Strategy has been completed, the Strategy is now in draft form and "
        "on the agenda for Cabinet on 4 April."
    ),
    "The Delivery Boards are being taken forward and have robust work programmes.",
    (
        "Report for future option for revs and bens service delivery taken to cabinet on 14th "
        "September for approval.  Option to bring service back in house now being taken "
        "forward."
    ),
    (
        "· Environmental Health: have gone live with all Assure modules except Environmental "
        "Protection and the Public facing module - both of which will go live the in next "
        "quarter.\n"
        "· Licensing: Progressing recruitment to fill current vacancy, once completed resources "
        "will be released for the project.\n"
        "· Strategic Private Sector Housing: timescales provided by the Head of Strategic "
        "Housing; system configuration to be completed by April, go live by July 2024.\n"
        "· Land and Property Module (LnP); in line with the project plan, the system is being "
        "User Acceptance Tested until end of Jan.  Go live for Planning and Building Control is "
        "scheduled for mid-April 2024."
    ),
    (
        "Solution being pursued by the transformation team and expected to be implemented in "
        "February 2024."
    ),
    (
        "Soft Market test responses for CRM and the Web Content Management System have "
        "indicated that there are options for purchasing and integrated solution. \n"
        "The timeline and commitment of resource for procuring a replacement system is being "
        "investigated.  The project is likely to be carried over into 2024/25.\n"
        "The project work and system implementation is estimated to take around 18 months."
    ),
    (
        "The soft market testing has been completed but this project has been paused due the "
        "Revs and Bens implications. There will not be the resources to deliver three new "
        "systems in the coming year, this will be picked up again into the summer of 24."
    ),
]


def sheet_rows() -> list[list[object]]:
    """The sheet's cell values, row 1 first: title, then per theme a theme row, the header
    and the actions (the outcome only on the first row of its group), a blank row between."""
    rows: list[list[object]] = [[TITLE], []]
    for theme in THEMES:
        rows.append([theme])
        rows.append([HEADER[0], ACTION_HEADING.get(theme, HEADER[1]), *HEADER[2:]])
        outcome = None
        for (t, o, action, status, start, end), progress in zip(ACTIONS, PROGRESS, strict=True):
            if t != theme:
                continue
            rows.append([o if o != outcome else None, action, progress, status, start, end, None])
            outcome = o
        rows.append([])
    return rows


def write(path: str | Path) -> Path:
    """Write the workbook (one sheet, 001's four tables one below another) to ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    for r, row in enumerate(sheet_rows(), start=1):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(r, c, value)
            cell.data_type = "s"  # text stays text, even one starting with "="
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if value in HEADER or value in ACTION_HEADING.values():
                cell.font = Font(bold=True)
            elif value in THEMES or value == TITLE:
                cell.font = Font(bold=True, size=12)
    for letter, width in zip("ABCDEFG", (40, 50, 60, 12, 10, 10, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    path = Path(path)
    book.save(path)
    return path
