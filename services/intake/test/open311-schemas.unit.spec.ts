import { expectConforms, schemaProblems } from './open311-schema-check';

// The schemas are only worth checking answers against if they accept what the spec itself shows and
// refuse what it rules out. The examples are the spec's (wiki.open311.org/GeoReport_v2, Service_Discovery),
// with its leading-zero numbers (001) written as JSON allows.
describe('the GeoReport v2 JSON Schemas', () => {
  it("accept the spec's own examples", () => {
    expectConforms('services', [
      {
        service_code: 1,
        service_name: 'Cans left out 24x7',
        description: 'Garbage or recycling cans…',
        metadata: true,
        type: 'realtime',
        keywords: 'lorem, ipsum, dolor',
        group: 'sanitation',
      },
    ]);
    expectConforms('service-definition', {
      service_code: 'DMV66',
      attributes: [
        {
          variable: true,
          code: 'WHISHETN',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: null,
          order: 1,
          description: 'What is the ticket/tag/DL number?',
          values: [
            { key: 123, name: 'Ford' },
            { key: 124, name: 'Chrysler' },
          ],
        },
      ],
    });
    expectConforms('created-requests', [{ service_request_id: 293944, service_notice: 'The City will inspect…', account_id: null }]);
    expectConforms('created-requests', [{ token: 12345 }]);
    expectConforms('service-requests', [
      {
        service_request_id: 638344,
        status: 'closed',
        status_notes: 'Duplicate request.',
        service_name: 'Sidewalk and Curb Issues',
        service_code: 6,
        description: null,
        agency_responsible: null,
        service_notice: null,
        requested_datetime: '2010-04-14T06:37:38-08:00',
        updated_datetime: '2010-04-14T06:37:38-08:00',
        expected_datetime: '2010-04-15T06:37:38-08:00',
        address: '8TH AVE and JUDAH ST',
        address_id: 545483,
        zipcode: 94122,
        lat: 37.762221815,
        long: -122.4651145,
        media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
      },
    ]);
    expectConforms('errors', [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
    expectConforms('discovery', {
      changeset: '2011-02-03 14:18',
      contact: 'You can email or call for assistance api@mycity.org +1 (555) 555-5555',
      key_service: 'You can request a key here: http://api.mycity.gov/api_key/request',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'http://open311.mycity.gov/v2',
          changeset: '2010-11-23 09:01',
          type: 'production',
          formats: ['text/xml'],
        },
      ],
    });
  });

  it('refuse what the spec rules out', () => {
    expect(schemaProblems('services', [{ service_code: 'x', service_name: 'X', metadata: 'yes', type: 'realtime' }])).not.toEqual([]);
    expect(schemaProblems('services', [{ service_code: 'x', service_name: 'X', metadata: true, type: 'instant' }])).not.toEqual([]);
    expect(schemaProblems('created-requests', [{ service_request_id: 1, token: 2 }])).not.toEqual([]);
    expect(schemaProblems('created-requests', [{ service_notice: 'nothing to look up' }])).not.toEqual([]);
    expect(
      schemaProblems('service-requests', [
        { service_request_id: 1, status: 'pending', service_code: 'a', requested_datetime: '2010-04-14T06:37:38Z' },
      ]),
    ).not.toEqual([]);
    expect(
      schemaProblems('service-requests', [
        { service_request_id: 1, status: 'open', service_code: 'a', requested_datetime: '2010-04-14 06:37' },
      ]),
    ).not.toEqual([]);
    expect(
      schemaProblems('service-definition', {
        service_code: 'a',
        attributes: [{ variable: true, code: 'c', datatype: 'singlevaluelist', required: false, order: 1, description: 'd' }],
      }),
    ).not.toEqual([]);
    expect(schemaProblems('errors', [])).not.toEqual([]);
    expect(schemaProblems('errors', { errors: [{ code: 400, description: 'x' }] })).not.toEqual([]);
    expect(
      schemaProblems('service-requests', [
        { service_request_id: 1, status: 'open', service_code: 'a', requested_datetime: '2010-04-14T06:37:38Z', submitter: 'Иван' },
      ]),
    ).not.toEqual([]);
  });
});
